// Buttons that talk to the engine: a choice, a playbook start, and the details form of a question.
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { z } from 'zod';
import {
  ACTION,
  INPUT_ACTION,
  INPUT_BLOCK,
  VIEW,
  actionIdPattern,
  choiceValueSchema,
  conversationRefSchema,
  formValueSchema,
  startValueSchema,
  type ConversationRef,
} from '../actions.js';
import { escapeSlack, slackToPlain } from '../escape.js';
import type { SlackPlace } from '../keys.js';
import { type Block, context } from '../render/blocks.js';
import { detailsModal } from '../render/modals.js';
import type { SlackRuntime } from '../runtime.js';
import { runTurn } from '../turns.js';
import { placeOfAction } from './place.js';

const messageBlocksSchema = z.array(z.looseObject({ type: z.string(), block_id: z.string().optional() }));

function parseJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return undefined;
  }
}

/** Replaces the clicked row of buttons with what was chosen, so the same question cannot be answered twice by accident. */
async function markChosen(rt: SlackRuntime, body: BlockAction, action: ButtonAction, client: Parameters<typeof runTurn>[1]): Promise<void> {
  const channel = body.channel?.id;
  const message = body.message;
  if (!channel || !message || body.container['type'] !== 'message') return;
  const blocks = messageBlocksSchema.safeParse(message['blocks']);
  if (!blocks.success) return;
  const label = escapeSlack(slackToPlain(action.text.text));
  const updated = blocks.data.map((block) =>
    block.type === 'actions' && block.block_id === action.block_id ? context(`→ *${label}*`) : (block as unknown as Block),
  );
  try {
    await client.chat.update({ channel, ts: message.ts, text: typeof message.text === 'string' ? message.text : label, blocks: updated });
  } catch (err) {
    rt.log.warn({ err: (err as Error).name }, 'could not mark the chosen answer');
  }
}

export function registerEngineActions(app: App, rt: SlackRuntime): void {
  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: actionIdPattern(ACTION.choice) },
    async ({ ack, body, action, client, context: ctx }) => {
      await ack();
      const value = choiceValueSchema.safeParse(parseJson(action.value));
      let place: SlackPlace | null = placeOfAction(body, ctx.teamId);
      // A Reply on the Home tab's open question has no message: the conversation goes on in the user's DM.
      if (!place && value.success && body.container['type'] === 'view') {
        place = { team: ctx.teamId ?? body.team?.id ?? '', channel: await rt.directory.dmChannel(client, body.user.id), user: body.user.id };
      }
      if (!value.success || !place) {
        rt.log.warn({ action: ACTION.choice }, 'unreadable choice');
        return;
      }
      await markChosen(rt, body, action, client);
      const input = value.data.s ? { type: 'action' as const, value: value.data.v, step: value.data.s } : { type: 'action' as const, value: value.data.v };
      await runTurn(rt, client, place, input, body.user.name ?? body.user.username);
    },
  );

  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: actionIdPattern(ACTION.start) },
    async ({ ack, body, action, client, context: ctx }) => {
      await ack();
      const playbook = startValueSchema.safeParse(action.value);
      if (!playbook.success) return;
      // From the Home tab there is no message: the conversation goes to the user's DM.
      let place: SlackPlace | null = placeOfAction(body, ctx.teamId);
      if (!place) {
        const channel = await rt.directory.dmChannel(client, body.user.id);
        place = { team: ctx.teamId ?? body.team?.id ?? '', channel, user: body.user.id };
      }
      await runTurn(rt, client, place, { type: 'start', playbook: playbook.data }, body.user.name ?? body.user.username);
    },
  );

  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: ACTION.form }, async ({ ack, body, action, client, context: ctx }) => {
    await ack();
    const form = formValueSchema.safeParse(parseJson(action.value));
    const place = placeOfAction(body, ctx.teamId);
    if (!form.success || !place) return;
    const ref: ConversationRef = { team: place.team, channel: place.channel, user: place.user, step: form.data.s };
    if (place.thread) ref.thread = place.thread;
    const lang = (await rt.directory.lang(client, place.user)) ?? 'en';
    await client.views.open({
      trigger_id: body.trigger_id,
      view: detailsModal(form.data.l, form.data.p, JSON.stringify(ref), lang, rt.t),
    });
  });

  app.view(VIEW.form, async ({ ack, view, body, client }) => {
    await ack();
    const ref = conversationRefSchema.safeParse(parseJson(view.private_metadata));
    const text = view.state.values[INPUT_BLOCK]?.[INPUT_ACTION]?.value ?? '';
    // The modal is bound to the user who opened it; someone else's submit cannot speak for them.
    if (!ref.success || ref.data.user !== body.user.id || text.trim() === '') return;
    const place: SlackPlace = { team: ref.data.team, channel: ref.data.channel, user: ref.data.user };
    if (ref.data.thread) place.thread = ref.data.thread;
    await runTurn(rt, client, place, { type: 'text', text: text.trim() }, body.user.name);
  });
}
