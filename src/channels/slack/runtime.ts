// What every Slack handler needs, built once per channel.
import type { Logger } from 'pino';
import type { ChannelDeps } from '../types.js';
import type { SlackConfig } from './config.js';
import type { SlackDirectory } from './directory.js';
import type { SlackTexts } from './texts.js';

export interface SlackRuntime {
  deps: ChannelDeps;
  config: SlackConfig;
  t: SlackTexts;
  directory: SlackDirectory;
  log: Logger;
  /** Slack user ids that may act on one institution's cases besides its channel members (config/institutions.yaml). */
  institutionContactPoints: (institution: string) => readonly string[];
}
