// The contact point's buttons on a case card: take, ask for more information (modal), close with advice (modal).
// Only members of the case's contact-point channel or configured users may use them; anyone else gets a
// polite refusal and nothing changes.
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { webApi } from '@slack/bolt';
import type { Lang } from '../../../engine/ids.js';
import type { CaseActionResult } from '../../../service/types.js';
import type { Actor, CaseRecord } from '../../../store/types.js';
import { ACTION, INPUT_ACTION, INPUT_BLOCK, VIEW, caseModalMetaSchema, caseValueSchema, type CaseModalMeta } from '../actions.js';
import { cardLocation, mayActOnCase } from '../case-access.js';
import { escapeSlack } from '../escape.js';
import { renderCaseCard, statusLabel } from '../render/case-card.js';
import { askModal, closeModal } from '../render/modals.js';
import type { SlackRuntime } from '../runtime.js';

type Client = webApi.WebClient;

function parseJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return undefined;
  }
}

function actorOf(user: { id: string; name?: string; username?: string }): Actor {
  const name = user.name ?? user.username;
  return name ? { channel: 'slack', id: user.id, name } : { channel: 'slack', id: user.id };
}

async function tell(client: Client, channel: string | undefined, user: string, text: string): Promise<void> {
  if (channel) await client.chat.postEphemeral({ channel, user, text });
  else await client.chat.postMessage({ channel: user, text });
}

/** Re-renders the card from the stored case, where it was posted. */
async function refreshCard(rt: SlackRuntime, client: Client, c: CaseRecord, at?: { channel?: string; ts?: string }): Promise<void> {
  let channel = at?.channel;
  let ts = at?.ts;
  if (!channel || !ts) {
    const location = await cardLocation(rt, c.id);
    channel = location?.channel;
    ts = location?.ts;
  }
  if (!channel || !ts) return;
  const card = renderCaseCard(c, rt.t);
  await client.chat.update({ channel, ts, text: card.text, blocks: card.blocks });
}

/** Tells the acting user why nothing happened, or refreshes the card when something did. */
async function report(
  rt: SlackRuntime,
  client: Client,
  result: CaseActionResult,
  user: string,
  where: { channel?: string; ts?: string },
  lang: Lang,
): Promise<void> {
  if (result.ok) {
    await refreshCard(rt, client, result.case, where);
    return;
  }
  if (result.reason === 'wrong-status' && result.case) {
    await tell(client, where.channel, user, escapeSlack(rt.t('wrong-status', lang, { status: statusLabel(result.case.status, lang, rt.t) })));
    await refreshCard(rt, client, result.case, where);
  } else if (result.reason === 'not-found') {
    await tell(client, where.channel, user, escapeSlack(rt.t('case-not-found', lang)));
  } else {
    await tell(client, where.channel, user, escapeSlack(rt.t('refusal', lang)));
  }
}

async function caseLang(rt: SlackRuntime, caseId: string): Promise<Lang> {
  const c = await rt.deps.cases.get(caseId);
  return c?.draft.lang ?? 'en';
}

export function registerCaseActions(app: App, rt: SlackRuntime): void {
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: ACTION.caseTake }, async ({ ack, body, action, client }) => {
    await ack();
    const caseId = caseValueSchema.safeParse(action.value);
    if (!caseId.success) return;
    const where = { channel: body.channel?.id, ts: body.message?.ts };
    const lang = await caseLang(rt, caseId.data);
    if (!(await mayActOnCase(rt, client, body.user.id, caseId.data, where.channel))) {
      rt.log.info({ action: 'take', allowed: false }, 'case action refused');
      await tell(client, where.channel, body.user.id, escapeSlack(rt.t('refusal', lang)));
      return;
    }
    const result = await rt.deps.cases.take(caseId.data, actorOf(body.user));
    rt.log.info({ action: 'take', ok: result.ok }, 'case action');
    await report(rt, client, result, body.user.id, where, lang);
  });

  for (const [actionId, modal] of [
    [ACTION.caseAsk, askModal],
    [ACTION.caseClose, closeModal],
  ] as const) {
    app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: actionId }, async ({ ack, body, action, client }) => {
      await ack();
      const caseId = caseValueSchema.safeParse(action.value);
      if (!caseId.success) return;
      const channel = body.channel?.id;
      const lang = await caseLang(rt, caseId.data);
      if (!(await mayActOnCase(rt, client, body.user.id, caseId.data, channel))) {
        rt.log.info({ action: actionId, allowed: false }, 'case action refused');
        await tell(client, channel, body.user.id, escapeSlack(rt.t('refusal', lang)));
        return;
      }
      const meta: CaseModalMeta = { caseId: caseId.data };
      if (channel) meta.channel = channel;
      if (body.message?.ts) meta.ts = body.message.ts;
      await client.views.open({ trigger_id: body.trigger_id, view: modal(JSON.stringify(meta), lang, rt.t) });
    });
  }

  for (const callbackId of [VIEW.ask, VIEW.close]) {
    app.view(callbackId, async ({ ack, view, body, client }) => {
      const meta = caseModalMetaSchema.safeParse(parseJson(view.private_metadata));
      const text = (view.state.values[INPUT_BLOCK]?.[INPUT_ACTION]?.value ?? '').trim();
      if (!meta.success || text === '') {
        await ack();
        return;
      }
      const lang = await caseLang(rt, meta.data.caseId);
      // Checked again on submit: the modal may have been open while membership changed.
      if (!(await mayActOnCase(rt, client, body.user.id, meta.data.caseId, meta.data.channel))) {
        await ack({ response_action: 'errors', errors: { [INPUT_BLOCK]: rt.t('refusal', lang) } });
        return;
      }
      await ack();
      const actor = actorOf(body.user);
      let result: CaseActionResult;
      if (callbackId === VIEW.ask) {
        // Asking about an open case means handling it: take it first, so the question has an owner.
        const current = await rt.deps.cases.get(meta.data.caseId);
        if (current?.status === 'open') await rt.deps.cases.take(meta.data.caseId, actor);
        result = await rt.deps.cases.ask(meta.data.caseId, actor, text);
      } else {
        result = await rt.deps.cases.close(meta.data.caseId, actor, text);
      }
      rt.log.info({ action: callbackId, ok: result.ok }, 'case action');
      await report(rt, client, result, body.user.id, meta.data, lang);
    });
  }
}
