// `advisor chat`: the advisor in the terminal, on the same store as the server, so that a case
// escalated here shows in `advisor cases` and in the web inbox.
// `--jsonl`: one user message per input line, one JSON line out per message, for programs.
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { markdownToTerminal, wrapText } from '../../channels/cli/terminal-text.js';
import pino from 'pino';
import { clickedChoice, toPlain } from '../../channels/cli/render.js';
import { documentTexts, type Texts } from '../../document/index.js';
import type { EngineInput, Lang, Reply } from '../../engine/types.js';
import { factList } from '../../engine/facts.js';
import { createAdvisorEngine } from '../../runtime/engine.js';
import { createScreener, datasetSpecsFromConfig, loadDataset, yenteFromConfig } from '../../screening/index.js';
import { contactPointsWithOverrides, isConfigError, loadConfig, loadInstitutions, readEnv } from '../../config/index.js';
import { loadContent } from '../../content/load.js';
import { createCaseRouter } from '../../service/case-router.js';
import { createConversationService } from '../../service/conversation-service.js';
import type { TurnResult } from '../../service/types.js';
import { openStore, storeLocationFromEnv } from '../../store/index.js';
import type { CliIO } from '../io.js';

interface ChatOptions {
  lang?: Lang;
  jsonl: boolean;
  user: string;
}

function parseOptions(args: string[], io: CliIO): ChatOptions | string {
  const options: ChatOptions = { jsonl: false, user: io.env.ADVISOR_USER ?? userInfo().username };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--jsonl') options.jsonl = true;
    else if (arg === '--lang') {
      // Which languages exist is the content's say (content/languages.yaml); checked once it is loaded.
      const lang = args[++i];
      if (!lang) return '--lang takes a language code, e.g. en, nl';
      options.lang = lang;
    } else if (arg === '--user') {
      const user = args[++i];
      if (!user) return '--user takes a name';
      options.user = user;
    } else return `unknown option ${arg}`;
  }
  return options;
}

/** The `case` of a JSON line: the outcome reached in this conversation, if any. */
function caseView(result: TurnResult) {
  const outcome = result.state.outcome;
  if (!outcome) return null;
  const md = result.replies.find((r): r is Extract<Reply, { kind: 'outcome' }> => r.kind === 'outcome')?.summaryMarkdown;
  return {
    playbook: outcome.playbook,
    facts: {
      countries: factList(result.state.facts.countries).filter((c) => c !== 'unsure'),
      domains: factList(result.state.facts.domains).filter((d) => d !== 'unsure' && d !== 'none'),
    },
    risk: outcome.risk,
    escalate: outcome.escalate,
    actions: outcome.steps.map((s) => s.text),
    summary: md ?? outcome.steps.map((s) => `- ${s.text}`).join('\n'),
    cases: result.state.cases,
  };
}

/** The terminal's width, or 80 when output is not a terminal. */
function columns(io: CliIO): number {
  const width = (io.stdout as { columns?: unknown }).columns;
  return typeof width === 'number' && width > 0 ? Math.min(width, 120) : 80;
}

function printHuman(io: CliIO, replies: Reply[], texts: Texts): void {
  const width = columns(io);
  for (const reply of replies) {
    const plain = toPlain(reply, texts);
    io.stdout.write(`\n${wrapText(markdownToTerminal(plain.text), width)}\n`);
    if (plain.buttons.length) io.stdout.write(`${wrapText(plain.buttons.map((b, i) => `  [${i + 1}] ${b}`).join('\n'), width)}\n`);
  }
}

/** How often the chat looks for a contact point's message while the researcher is not typing. */
const NOTICE_POLL_MS = 2000;

export async function run(args: string[], io: CliIO): Promise<number> {
  const options = parseOptions(args, io);
  if (typeof options === 'string') {
    io.stderr.write(`advisor chat: ${options}\nusage: advisor chat [--lang en|nl|…] [--jsonl] [--user NAME]\n`);
    return 2;
  }
  const env = readEnv(io.env);
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (isConfigError(err)) {
      io.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
  const logger = pino({ level: env.LOG_LEVEL ?? 'warn' }, pino.destination(2));
  // CONTENT_DIR and DIALOGS_DIR, as for the server: the same content in the terminal and on the web.
  const content = loadContent({
    ...(config.CONTENT_DIR ? { contentDir: resolve(config.CONTENT_DIR) } : {}),
    ...(config.DIALOGS_DIR ? { dialogsDir: resolve(config.DIALOGS_DIR) } : {}),
  });
  if (options.lang && !content.languages.some((l) => l.code === options.lang)) {
    io.stderr.write(`advisor chat: --lang takes one of ${content.languages.map((l) => l.code).join(', ')} (content/languages.yaml)\n`);
    return 2;
  }
  const institutions = loadInstitutions(config.INSTITUTIONS_FILE, content.reference.contactPoints);
  content.reference.contactPoints = contactPointsWithOverrides(institutions);
  const local = createScreener({
    sevenSons: content.reference.sevenSons,
    restrictions: content.reference.restrictions,
    links: content.reference.links,
    datasets: datasetSpecsFromConfig(config).map((spec) => loadDataset(spec)),
    staleAfterDays: config.SCREENING_STALE_DAYS,
    today: new Date().toISOString().slice(0, 10),
  });
  // With SCREENING_YENTE_URL, yente is asked between two runs of a step, as on the server.
  const yente = yenteFromConfig(config, local, options.lang);
  const engine = createAdvisorEngine({ content, screener: yente ?? local });
  const store = await openStore(storeLocationFromEnv(env));
  const conversations = createConversationService({
    store,
    step: engine.step,
    router: createCaseRouter(institutions.routing),
    clock: () => new Date(),
    newId: randomUUID,
    logger,
    ...(yente ? { remoteScreening: yente } : {}),
  });
  const key = `cli:${options.user}`;
  const address = { userId: options.user };
  let last: Reply[] = [];
  let lang: Lang = options.lang ?? config.DEFAULT_LANG;
  let noticeSeq = 0;

  const send = async (input: EngineInput): Promise<TurnResult> => {
    const result = await conversations.handle({
      channel: 'cli',
      conversationKey: key,
      user: { id: options.user },
      address,
      input,
      ...(options.lang ? { lang: options.lang } : {}),
    });
    last = result.replies;
    lang = result.state.lang;
    return result;
  };
  const showNotices = async (): Promise<boolean> => {
    let shown = false;
    for (const notice of await store.readNotices(key, noticeSeq)) {
      noticeSeq = notice.seq;
      if (!options.jsonl) printHuman(io, notice.replies as Reply[], documentTexts(content.ui, lang));
      shown = true;
    }
    return shown;
  };
  // A contact point's message shows when it arrives, not only after the next line typed.
  let turnRunning = false;
  let polling: Promise<void> = Promise.resolve();
  const poll = options.jsonl
    ? undefined
    : setInterval(() => {
        if (turnRunning) return;
        polling = showNotices()
          .then((shown) => {
            if (shown) io.stdout.write('\n> ');
          })
          .catch(() => undefined);
      }, NOTICE_POLL_MS);

  try {
    // Notices from a contact point since the last session come first.
    await showNotices();
    if (options.lang) await send({ type: 'set-lang', lang: options.lang });
    if (!options.jsonl) {
      io.stdout.write('Research Security Advisor — type your question; "help" for topics, a number to click a button, Ctrl-D to quit.\n');
    }
    const lines = createInterface({ input: io.stdin, terminal: false });
    if (!options.jsonl) io.stdout.write('\n> ');
    for await (const raw of lines) {
      const line = raw.replace(/\r$/, '');
      const numbered = !options.jsonl && /^\d{1,2}$/.test(line.trim()) ? Number(line.trim()) : undefined;
      const buttons: Array<{ value: string; step?: string }> = last.flatMap((r) =>
        r.kind === 'question' ? r.choices.map((c) => ({ value: c.value, step: r.step })) : r.kind === 'menu' ? r.choices.map((c) => ({ value: c.value })) : [],
      );
      const byNumber = numbered !== undefined ? buttons[numbered - 1] : undefined;
      const clicked = byNumber ?? clickedChoice(last, line);
      const input: EngineInput = clicked ? { type: 'action', ...clicked } : { type: 'text', text: line };
      turnRunning = true;
      await polling;
      const result = await send(input);
      if (options.jsonl) {
        io.stdout.write(`${JSON.stringify({ replies: result.replies.map((r) => toPlain(r)), case: caseView(result) })}\n`);
      } else {
        printHuman(io, result.replies, documentTexts(content.ui, result.state.lang));
        await showNotices();
        io.stdout.write('\n> ');
      }
      turnRunning = false;
    }
    return 0;
  } finally {
    if (poll) clearInterval(poll);
    await polling;
    await store.close();
  }
}
