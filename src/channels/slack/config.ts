// The Slack part of the environment. The central config module composes this schema.
import { z } from 'zod';

const optionalSecret = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** "T1, T2" → ['T1','T2']; empty or unset → []. */
const idList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== ''),
  )
  .pipe(z.array(z.string().regex(/^[A-Z0-9]+$/, 'Slack ids are upper-case letters and digits, e.g. T0123ABCD')));

export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';

export const slackConfigSchema = z.object({
  /** xoxb-… bot token; without it the Slack channel is off. */
  SLACK_BOT_TOKEN: optionalSecret,
  /** Verifies HTTP-mode requests (POST /slack/events). */
  SLACK_SIGNING_SECRET: optionalSecret,
  /** xapp-… app-level token; when set, the app connects over Socket Mode and needs no public URL. */
  SLACK_APP_TOKEN: optionalSecret,
  /** Workspaces the app answers; empty means every workspace it is installed in. */
  SLACK_ALLOWED_TEAMS: idList,
  /** User ids that may act on cases besides members of the contact-point channel. */
  SLACK_CONTACT_POINT_USERS: idList,
  /** How long a delivered event id is remembered, so that Slack's retries are handled once. */
  SLACK_DEDUP_TTL_MINUTES: z.coerce.number().int().min(10).default(15),
  /**
   * The Slack Web API base URL. Slack's own unless an enterprise proxy (or a test's fake) stands in between;
   * every Web API call of the app goes there.
   */
  SLACK_API_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === undefined || value === '' ? DEFAULT_SLACK_API_URL : value))
    .pipe(z.url({ protocol: /^https?$/, error: 'must be a full http(s) address, e.g. https://slack.com/api/' }))
    .transform((value) => (value.endsWith('/') ? value : `${value}/`)),
  /**
   * How long an acked event belongs to the instance that acked it. If that instance dies before the turn
   * commits, another one (or the restarted one) takes the event over after this many seconds.
   */
  SLACK_INBOX_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
});

export type SlackConfig = z.infer<typeof slackConfigSchema>;

export type SlackMode = 'socket' | 'http' | 'off';

/** Socket Mode when an app token is set; HTTP when the signing secret and bot token are; otherwise off. */
export function slackMode(config: SlackConfig): SlackMode {
  if (!config.SLACK_BOT_TOKEN) return 'off';
  if (config.SLACK_APP_TOKEN) return 'socket';
  if (config.SLACK_SIGNING_SECRET) return 'http';
  return 'off';
}
