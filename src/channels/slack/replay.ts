// Slash commands, button clicks and form submissions are signed but carry no event id: a request captured and
// sent again within the five-minute signature window would verify. Slack gives each user interaction its own
// trigger_id (and each click an action_ts), so these identify a request; the same one again is a replay.
import { z } from 'zod';

const interaction = z.object({
  trigger_id: z.string().min(1),
  actions: z.array(z.object({ action_ts: z.string().optional() }).loose()).optional(),
});

/** The replay key of a command or interactive payload; undefined for anything else (events have their own). */
export function replayKeyOf(body: unknown): string | undefined {
  const parsed = interaction.safeParse(body);
  if (!parsed.success) return undefined;
  const actionTs = parsed.data.actions?.[0]?.action_ts;
  return actionTs ? `action:${parsed.data.trigger_id}:${actionTs}` : `trigger:${parsed.data.trigger_id}`;
}
