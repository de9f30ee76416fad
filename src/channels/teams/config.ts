// The Teams part of the environment. The central config module composes this schema.
import { z } from 'zod';

const optional = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** "a, b" → ['a','b']; empty or unset → []. */
const list = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== ''),
  );

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const teamsConfigSchema = z.object({
  /** The Azure Bot's Microsoft App ID; without it (and a password or managed identity) Teams is off. */
  MicrosoftAppId: optional,
  MicrosoftAppPassword: optional,
  /** Required for SingleTenant and UserAssignedMSI bots. */
  MicrosoftAppTenantId: optional,
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
  /** Tenants (AAD directory ids) whose users the bot answers; empty means every tenant. */
  TEAMS_ALLOWED_TENANTS: list.pipe(z.array(z.string().regex(guid, 'a tenant id is a GUID'))),
  /** AAD object ids that may act on any case, besides members of the contact-point team. */
  TEAMS_CONTACT_POINT_USERS: list.pipe(z.array(z.string().min(1))),
  /**
   * Who may take, ask about and close a case besides those ids: 'channel' (default), the members of the
   * contact-point channel the card is in (a private or shared channel's own members); 'list', nobody else.
   */
  TEAMS_CONTACT_POINT_ACCESS: z.enum(['channel', 'list'], { error: 'must be channel or list' }).default('channel'),
});

export type TeamsConfig = z.infer<typeof teamsConfigSchema>;

/** Teams is on when the app id is set with a password, or with a managed identity. */
export function teamsEnabled(config: TeamsConfig): boolean {
  if (!config.MicrosoftAppId) return false;
  if (config.MicrosoftAppType === 'UserAssignedMSI') return Boolean(config.MicrosoftAppTenantId);
  return Boolean(config.MicrosoftAppPassword);
}
