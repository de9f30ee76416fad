// Who may act on a case, and where its card is. A case's contact-point channel is where its card was delivered.
import type { webApi } from '@slack/bolt';
import { z } from 'zod';
import type { SlackRuntime } from './runtime.js';

type Client = webApi.WebClient;

export interface CardLocation {
  channel: string;
  ts?: string;
}

const cardResultSchema = z.object({ channel: z.string().min(1), ts: z.string().min(1) });
const cardPayloadSchema = z.looseObject({ target: z.looseObject({ channelId: z.string().min(1) }) });

/** The channel (and ts, once delivered) of the case's contact-point card, from its outbox job. */
export async function cardLocation(rt: SlackRuntime, caseId: string): Promise<CardLocation | null> {
  const jobs = await rt.deps.store.listJobs({ caseId });
  const cards = jobs.filter((job) => job.kind === 'case-card' && job.channel === 'slack');
  for (const job of cards) {
    const result = cardResultSchema.safeParse(job.result);
    if (result.success) return result.data;
  }
  for (const job of cards) {
    const payload = cardPayloadSchema.safeParse(job.payload);
    const channel = payload.success ? payload.data.target.channelId : undefined;
    if (channel) return { channel };
  }
  return null;
}

/**
 * A user may act when listed in SLACK_CONTACT_POINT_USERS or a member of the case's contact-point channel.
 * `fallbackChannel` is the channel the click came from, used only when the case has no card job on record.
 */
export async function mayActOnCase(rt: SlackRuntime, client: Client, user: string, caseId: string, fallbackChannel: string | undefined): Promise<boolean> {
  if (rt.config.SLACK_CONTACT_POINT_USERS.includes(user)) return true;
  const c = await rt.deps.cases.get(caseId);
  if (c && rt.institutionContactPoints(c.institution).includes(user)) return true;
  const location = await cardLocation(rt, caseId);
  const channel = location?.channel ?? fallbackChannel;
  if (!channel || channel.startsWith('D')) return false;
  try {
    return await rt.directory.isMember(client, channel, user);
  } catch (err) {
    rt.log.warn({ err: (err as Error).name }, 'membership check failed');
    return false;
  }
}
