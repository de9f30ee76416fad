// One zod schema for the whole environment, composed from each part's fragment, checked at start.
// Slack and Teams are validated here too, but only loaded (dynamic import) when their settings are present.
import { z } from 'zod';
import { slackConfigSchema } from '../channels/slack/config.js';
import { checkTeamsGroupSettings, teamsConfigSchema } from '../channels/teams/config.js';
import { screeningConfigSchema } from '../screening/config.js';
import { storeConfigSchema } from '../store/config.js';
import { configErrorFrom, ConfigError } from './errors.js';
import { readEnv, withoutBlanks, type Env } from './env.js';
import { isLoopback, serverConfigSchema } from './server-schema.js';
import { oidcProblems, operationsConfigSchema } from './operations-schema.js';

export { ConfigError } from './errors.js';
export { readEnv, type Env } from './env.js';
export { isLoopback } from './server-schema.js';
export type { OperationsConfig } from './operations-schema.js';
export { loadInstitutions, contactPointsWithOverrides, type Institution, type Institutions } from './institutions.js';

export const configSchema = z
  .object({
    ...storeConfigSchema.shape,
    ...screeningConfigSchema.shape,
    ...slackConfigSchema.shape,
    ...teamsConfigSchema.shape,
    ...serverConfigSchema.shape,
    ...operationsConfigSchema.shape,
  })
  .superRefine((config, ctx) => {
    checkTeamsGroupSettings(config, ctx);
    if (!isLoopback(config.HOST) && !config.INBOX_TOKEN && !config.OIDC_ISSUER) {
      ctx.addIssue({
        code: 'custom',
        path: ['INBOX_TOKEN'],
        message: `must be set when HOST is not a loopback address (HOST is "${config.HOST}"): without it (or OIDC_ISSUER for single sign-on) the inbox would be open to the network`,
      });
    }
    for (const problem of oidcProblems(config)) ctx.addIssue({ code: 'custom', path: [problem.key], message: problem.message });
  });

export type AppConfig = z.infer<typeof configSchema>;

/** Validates the environment (process over .env); throws ConfigError naming each bad setting. */
export function loadConfig(env: Env = readEnv()): AppConfig {
  const clean = withoutBlanks(env);
  const result = configSchema.safeParse(clean);
  if (!result.success) throw configErrorFrom(result.error, clean);
  return result.data;
}

export function isConfigError(error: unknown): error is ConfigError {
  return error instanceof ConfigError;
}
