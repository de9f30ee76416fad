// Builds the real Slack channel on a real express server, with the real store (SQLite in a temp dir),
// ConversationService, CaseService, CaseRouter and OutboxWorker. Only the engine's step is a small
// deterministic stand-in, and slack.com is the in-process FakeSlackApi.
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import pino from 'pino';
import { readdirSync } from 'node:fs';
import { DEFAULT_CONTENT_DIR, DEFAULT_DIALOGS_DIR, loadContent, loadUi, type Content } from '../../../src/content/load.js';
import { playbookSchema, type Playbook } from '../../../src/content/schema/playbook.js';
import { parseYaml } from '../../../src/content/yaml.js';
import type { PlaybookId } from '../../../src/engine/ids.js';
import { freshState } from '../../../src/engine/state.js';
import type { CaseDraft, ConversationState, EngineInput, Reply, StepResult, TurnMeta } from '../../../src/engine/types.js';
import { createCaseRouter } from '../../../src/service/case-router.js';
import { createCaseService } from '../../../src/service/case-service.js';
import { createConversationService } from '../../../src/service/conversation-service.js';
import { createOutboxWorker, type OutboxWorker } from '../../../src/service/outbox-worker.js';
import type { CaseService, ConversationService, InboundTurn } from '../../../src/service/types.js';
import { createSqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../../src/store/types.js';
import { createSlackChannel, slackConfigSchema, type SlackChannelModule } from '../../../src/channels/slack/index.js';
import { FakeSlackApi } from './fake-slack-api.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const TEAM = 'T0RSA';
export const CONTACT_CHANNEL = 'C0CONTACT';
export const FIXTURES = join(import.meta.dirname, '../../fixtures/slack');

/** Text a researcher might type that would ping a whole channel if it were not escaped. */
export const HOSTILE = '<!channel> & <@U0BOSS> look';

/** A fixture file with __TOKENS__ replaced. */
export function fixture(name: string, tokens: Record<string, string> = {}): string {
  let text = readFileSync(join(FIXTURES, name), 'utf8');
  for (const [key, value] of Object.entries(tokens)) text = text.split(`__${key}__`).join(value);
  return text;
}

export function sign(body: string, timestamp = Math.floor(Date.now() / 1000), secret = SIGNING_SECRET): Record<string, string> {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
}

function draftFor(meta: TurnMeta, state: ConversationState): CaseDraft {
  const ref = `RS-${meta.newId.slice(0, 6).toUpperCase()}`;
  return {
    id: meta.newId,
    ref,
    playbook: 'sensitive-tech-partner',
    lang: state.lang,
    institution: 'uhasselt',
    createdAt: meta.at,
    facts: { partnerName: String(state.facts['partnerName'] ?? ''), country: 'CN' },
    answers: state.answers,
    outcome: {
      playbook: 'sensitive-tech-partner',
      playbookTitle: 'Partner in a sensitive technology',
      risk: 'high',
      riskLabel: 'High risk',
      assessment: 'Several elements come together.',
      riskReasons: ['sensitive technology', 'country of concern'],
      flags: [{ id: 'seven-sons', label: 'Seven Sons university', severity: 'serious', dimension: 'partner' }],
      screening: [{ list: 'seven-sons', listName: 'Seven Sons of National Defence', listDate: '2024-01-01', id: 'hit', name: 'Harbin Institute of Technology', matched: 'HIT', score: 1, match: true, why: 'exact alias' }],
      steps: [{ id: 's1', text: 'Contact your research-security contact point before signing.', cites: [{ section: 'vlir-reporting', title: 'Reporting', source: 'vlir' }] }],
      measures: [],
      duties: [],
      escalate: true,
      contactPoint: { id: 'uhasselt', name: 'UHasselt research security', email: 'researchsecurity@uhasselt.be', specialised: [] },
      citations: [{ section: 'vlir-reporting', title: 'Reporting', source: 'vlir' }],
    },
    summaryMarkdown: '**High risk**',
  };
}

/**
 * The engine's contract in miniature: any text starts a question with two choices (asking for the partner);
 * the "yes" choice gives an outcome that recommends the contact point with a confirm menu; "confirm"
 * escalates; a case question waits for the researcher's next text, which answers it.
 */
export function miniStep(prev: ConversationState | null, input: EngineInput, meta: TurnMeta): StepResult {
  const state = structuredClone(prev ?? freshState('en'));
  state.turn += 1;
  const replies: Reply[] = [];
  if (input.type === 'case-question') {
    state.pendingCaseQuestion = { caseId: input.caseId, caseRef: input.caseRef };
    return { state, replies: [{ kind: 'text', text: `The contact point asks about ${input.caseRef}: ${input.text}` }], effects: [] };
  }
  if (input.type === 'case-status') {
    const advice = input.advice ? ` Advice: ${input.advice}` : '';
    return { state, replies: [{ kind: 'text', text: `Case ${input.caseRef} is now ${input.status}.${advice}` }], effects: [] };
  }
  if (input.type === 'text' && state.pendingCaseQuestion) {
    const { caseId, caseRef } = state.pendingCaseQuestion;
    delete state.pendingCaseQuestion;
    return { state, replies: [{ kind: 'text', text: 'Sent to the contact point.' }], effects: [{ type: 'case-answer', caseId, caseRef, text: input.text }] };
  }
  if ((input.type === 'action' && input.value === 'confirm') || (input.type === 'text' && input.text === 'confirm')) {
    const draft = draftFor(meta, state);
    state.phase = 'escalated';
    state.cases.push(draft.ref);
    replies.push({ kind: 'case-created', caseRef: draft.ref, contactPoint: draft.outcome.contactPoint!, text: 'Your contact point has your case.' });
    return { state, replies, effects: [{ type: 'escalate', case: draft }] };
  }
  if (input.type === 'action' && input.value === 'yes' && input.step === 'ask-partner') {
    state.answers.push({ step: 'ask-partner', fact: 'partnerKnown', question: 'Is the partner a university?', value: 'yes', label: 'Yes', typed: false, inferred: false });
    state.phase = 'outcome';
    const draft = draftFor(meta, state);
    replies.push({ kind: 'outcome', outcome: draft.outcome, summaryMarkdown: draft.summaryMarkdown });
    replies.push({ kind: 'menu', text: 'Send this to your contact point?', choices: [{ label: 'Yes, send it', value: 'confirm' }, { label: 'No', value: 'decline' }] });
    return { state, replies, effects: [] };
  }
  if (input.type === 'text' || input.type === 'start') {
    if (input.type === 'text') {
      state.facts['partnerName'] = input.text;
      state.answers.push({ step: 'describe', fact: 'partnerName', question: 'Who is the partner?', value: input.text, label: input.text, typed: true, inferred: false });
    }
    state.phase = 'asking';
    state.step = 'ask-partner';
    replies.push({
      kind: 'question',
      step: 'ask-partner',
      text: `You wrote: ${input.type === 'text' ? input.text : input.playbook}. Is the partner a university?`,
      help: 'Universities & institutes count.',
      choices: [{ label: 'Yes', value: 'yes' }, { label: 'No', value: 'no' }],
      typeHint: "the partner's name",
      form: { field: 'partnerDetails', label: "The partner's details", placeholder: 'Name, country, website' },
    });
  }
  return { state, replies, effects: [] };
}

export interface Harness {
  api: FakeSlackApi;
  store: Store;
  cases: CaseService;
  conversations: ConversationService;
  handled: InboundTurn[];
  channel: SlackChannelModule;
  worker: OutboxWorker;
  content: Content;
  baseUrl: string;
  /** POSTs a signed body to /slack/events. */
  post(body: string, contentType: string, headers?: Record<string, string>): Promise<Response>;
  postEvent(name: string, tokens?: Record<string, string>, headers?: Record<string, string>): Promise<Response>;
  postPayload(name: string, tokens?: Record<string, string>): Promise<Response>;
  postCommand(name: string, tokens?: Record<string, string>): Promise<Response>;
  /** Waits until the channel finished everything it started (posted replies etc.). */
  settle(ms?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real content. While other content is being written a playbook may be invalid for a moment; the Slack
 * tests only need the UI texts and the playbook titles, so they then take the valid playbooks alone.
 */
function slackContent(): Content {
  try {
    return loadContent();
  } catch {
    const playbooks = new Map<PlaybookId, Playbook>();
    for (const name of readdirSync(DEFAULT_DIALOGS_DIR).filter((f) => f.endsWith('.yaml'))) {
      const file = join(DEFAULT_DIALOGS_DIR, name);
      const parsed = playbookSchema.safeParse(parseYaml(readFileSync(file, 'utf8'), file));
      if (parsed.success) playbooks.set(parsed.data.id, { ...parsed.data, rev: 'test', file: name });
    }
    return { ui: loadUi(join(DEFAULT_CONTENT_DIR, 'ui')), playbooks } as unknown as Content;
  }
}

const content = slackContent();

export async function createHarness(
  env: Record<string, string> = {},
  options: { slowHandleMs?: number; institutionContactPoints?: (institution: string) => readonly string[] } = {},
): Promise<Harness> {
  const api = new FakeSlackApi();
  await api.start();
  const dir = mkdtempSync(join(tmpdir(), 'slack-test-'));
  const store = createSqliteStore({ path: join(dir, 'advisor.db'), synchronous: 'NORMAL' });
  await store.migrate();
  const logger = pino({ level: 'silent' });
  const router = createCaseRouter([{ id: 'uhasselt', slack: { teamId: TEAM, channelId: CONTACT_CHANNEL }, inbox: true }]);
  let ids = 0;
  const real = createConversationService({
    store,
    step: miniStep,
    router,
    clock: () => new Date(),
    newId: () => `case${++ids}x${Date.now().toString(36)}`,
    logger,
  });
  const handled: InboundTurn[] = [];
  const conversations: ConversationService = {
    async handle(turn) {
      handled.push(turn);
      if (options.slowHandleMs) await new Promise((r) => setTimeout(r, options.slowHandleMs));
      return real.handle(turn);
    },
  };
  const cases = createCaseService({ store, router, clock: () => new Date(), logger });
  const config = slackConfigSchema.parse({
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    ...env,
  });
  const channel = createSlackChannel({ conversations, cases, store, content, logger }, config, {
    slackApiUrl: api.apiUrl,
    ...(options.institutionContactPoints ? { institutionContactPoints: options.institutionContactPoints } : {}),
  });
  const worker = createOutboxWorker({
    store,
    deliverers: new Map([['slack', channel.deliverer]]),
    clock: () => new Date(),
    logger,
    maxAttempts: 5,
    backoffMs: 1,
    pollMs: 50,
    workerId: 'test',
    random: () => 0,
  });
  const server = express();
  channel.mount(server);
  const http: Server = await new Promise((resolve) => {
    const s = server.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  async function post(body: string, contentType: string, headers: Record<string, string> = sign(body)): Promise<Response> {
    return fetch(`${baseUrl}/slack/events`, { method: 'POST', body, headers: { 'content-type': contentType, ...headers } });
  }

  async function settle(ms = 150): Promise<void> {
    // Quiet for `ms`: no new Web API calls.
    let seen = -1;
    while (seen !== api.calls.length) {
      seen = api.calls.length;
      await new Promise((r) => setTimeout(r, ms));
    }
  }

  const tokens = (extra: Record<string, string>) => ({ RESPONSE_URL: `${api.url}/response/1`, TEAM, EVENT_ID: 'Ev0MSG00001', ...extra });

  return {
    api,
    store,
    cases,
    conversations,
    handled,
    channel,
    worker,
    content,
    baseUrl,
    post,
    postEvent: (name, t = {}, headers) => {
      const body = fixture(name, tokens(t));
      return post(body, 'application/json', { ...sign(body), ...headers });
    },
    postPayload: (name, t = {}) => {
      const payload = JSON.stringify(JSON.parse(fixture(name, tokens(t))) as unknown);
      return post(new URLSearchParams({ payload }).toString(), 'application/x-www-form-urlencoded');
    },
    postCommand: (name, t = {}) => {
      const fields = JSON.parse(fixture(name, tokens(t))) as Record<string, string>;
      return post(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded');
    },
    settle,
    async close() {
      await worker.stop();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await api.stop();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
