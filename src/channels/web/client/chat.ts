// The researcher's web chat: typed messages and card buttons go to /api/chat/turn, replies come back as
// Adaptive Cards; notices from the contact point arrive by polling /api/chat/notices.
import { renderCard, type Submitted } from './card-view.js';

/** A language code of content/languages.yaml; the page offers one button per language. */
type Lang = string;

interface WebMessage {
  card: unknown;
  caseRef?: string;
}

/** A transcript line as the server keeps it (issue 13): every tab and a reload read the same ones. */
type Entry = { seq: number; who: 'me'; text: string } | { seq: number; who: 'bot'; messages: WebMessage[] };

interface WebCase {
  ref: string;
  status: string;
}

interface History {
  entries: Entry[];
  known: boolean;
  cases: WebCase[];
  openQuestion: WebMessage | null;
}

interface PageData {
  lang: Lang;
  /** Per key, the text in each language; a missing translation falls back to English. */
  texts: Record<string, { en: string; [lang: string]: string | undefined }>;
}

const LANG = 'advisor.lang';
const NAME = 'advisor.name';
const POLL_MS = 2000;

const data = JSON.parse(document.getElementById('page-data')?.textContent ?? '{}') as PageData;
let lang: Lang = (localStorage.getItem(LANG) as Lang | null) ?? data.lang;
const transcriptEl = document.getElementById('transcript') as HTMLElement;
const form = document.getElementById('composer') as HTMLFormElement;
const input = document.getElementById('message') as HTMLTextAreaElement;
const nameInput = document.getElementById('profile-name') as HTMLInputElement;
const statusEl = document.getElementById('status') as HTMLElement;
const openQuestionEl = document.getElementById('open-question') as HTMLElement;
const casesEl = document.getElementById('my-cases') as HTMLElement;
let busy = false;
/** The last transcript entry shown; the server sends what came after it. */
let lastSeq = 0;
let welcomed = false;

function t(key: string): string {
  const entry = data.texts[key];
  return entry ? (entry[lang] ?? entry.en) : key;
}

function applyTexts(): void {
  document.documentElement.lang = lang;
  document.querySelectorAll<HTMLElement>('[data-ui]').forEach((el) => {
    el.textContent = t(el.dataset.ui ?? '');
  });
  document.querySelectorAll<HTMLElement>('[data-ui-placeholder]').forEach((el) => {
    el.setAttribute('placeholder', t(el.dataset.uiPlaceholder ?? ''));
  });
  document.querySelectorAll<HTMLButtonElement>('[data-lang]').forEach((b) => {
    b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
  });
}

function row(who: 'me' | 'bot'): HTMLElement {
  const el = document.createElement('div');
  el.className = `msg ${who}`;
  transcriptEl.appendChild(el);
  return el;
}

function showBot(message: WebMessage): void {
  const el = row('bot');
  el.appendChild(renderCard(message.card, onCardSubmit));
  if (message.caseRef) el.appendChild(downloads(message.caseRef));
}

function show(entry: Entry): void {
  if (entry.seq <= lastSeq) return;
  lastSeq = entry.seq;
  if (entry.who === 'me') row('me').textContent = entry.text;
  else entry.messages.forEach(showBot);
}

function clearScreen(): void {
  transcriptEl.replaceChildren();
  lastSeq = 0;
  welcomed = false;
}

function showCases(cases: WebCase[]): void {
  casesEl.replaceChildren();
  casesEl.hidden = cases.length === 0;
  if (cases.length === 0) return;
  const title = document.createElement('h2');
  title.textContent = t('web.my-cases');
  casesEl.appendChild(title);
  const list = document.createElement('ul');
  for (const c of cases) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `/cases/${encodeURIComponent(c.ref)}`;
    link.textContent = c.ref;
    item.append(link, ` — ${t(`cards.researcher-status-${c.status}`)}`);
    list.appendChild(item);
  }
  casesEl.appendChild(list);
}

function showOpenQuestion(message: WebMessage | null): void {
  openQuestionEl.replaceChildren();
  openQuestionEl.hidden = message === null;
  if (message) openQuestionEl.appendChild(renderCard(message.card, onCardSubmit));
}

/** Reads what the server has after the last entry shown: this tab's turns, other tabs' turns, notices. */
async function sync(): Promise<void> {
  const res = await fetch(`/api/chat/history?after=${lastSeq}`);
  if (!res.ok) return;
  const history = (await res.json()) as History;
  if (!history.known) clearScreen();
  const scroll = history.entries.some((e) => e.seq > lastSeq);
  history.entries.forEach(show);
  showCases(history.cases);
  showOpenQuestion(history.openQuestion);
  // The open question sits under the transcript: bring it into view with the newest entry.
  if (scroll) (history.openQuestion ? openQuestionEl : transcriptEl.lastElementChild)?.scrollIntoView({ block: 'end' });
}

function downloads(ref: string): HTMLElement {
  const box = document.createElement('p');
  box.className = 'downloads';
  const label = document.createElement('span');
  label.textContent = `${t('web.download')} `;
  box.appendChild(label);
  for (const [ext, key] of [
    ['md', 'web.download-md'],
    ['pdf', 'web.download-pdf'],
  ] as const) {
    const a = document.createElement('a');
    a.href = `/api/chat/cases/${encodeURIComponent(ref)}/summary.${ext}`;
    a.textContent = t(key);
    a.setAttribute('download', '');
    box.appendChild(a);
    box.appendChild(document.createTextNode(' '));
  }
  return box;
}

function setStatus(key: string | null): void {
  statusEl.textContent = key ? t(key) : '';
}

/** What the researcher just typed, shown until the server's copy of it arrives. */
let pendingRow: HTMLElement | undefined;

async function send(body: Record<string, unknown>, said?: string): Promise<void> {
  busy = true;
  pendingRow?.remove();
  pendingRow = undefined;
  if (said) {
    pendingRow = row('me');
    pendingRow.textContent = said;
    pendingRow.scrollIntoView({ block: 'end' });
  }
  setStatus('web.thinking');
  try {
    const res = await fetch('/api/chat/turn', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, lang, name: nameInput.value.trim() || undefined }),
    });
    // A 429 (too many messages or cases) carries a message of its own to show; it is not kept in the transcript.
    if (!res.ok && res.status !== 429) throw new Error(String(res.status));
    const reply = (await res.json()) as { messages: WebMessage[]; lang: Lang; reset?: boolean };
    pendingRow?.remove();
    if (res.status === 429) {
      reply.messages.forEach(showBot);
    } else if (reply.reset) {
      // "Forget me": the server history is gone; the screen shows only the confirmation, which is not kept.
      clearScreen();
      welcomed = true;
      reply.messages.forEach(showBot);
      showCases([]);
      showOpenQuestion(null);
    } else {
      await sync();
    }
    setStatus(null);
  } catch {
    setStatus('web.error');
  } finally {
    busy = false;
  }
}

function onCardSubmit(submitted: Submitted): void {
  if (busy) return;
  void send({ kind: 'card', data: submitted.data, ...(submitted.label ? { label: submitted.label } : {}) }, submitted.label || undefined);
}

async function poll(): Promise<void> {
  try {
    if (!busy) await sync();
  } catch {
    // Offline for a moment: the next poll catches up from the same entry.
  }
  window.setTimeout(() => void poll(), POLL_MS);
}

async function welcome(): Promise<void> {
  if (welcomed) return;
  welcomed = true;
  const res = await fetch(`/api/chat/welcome?lang=${lang}`);
  if (res.ok) {
    const body = (await res.json()) as { messages: WebMessage[] };
    body.messages.forEach(showBot);
  }
}

async function start(): Promise<void> {
  applyTexts();
  nameInput.value = localStorage.getItem(NAME) ?? '';
  try {
    await sync();
  } catch {
    setStatus('web.error');
  }
  // A new conversation starts with the welcome card; it is not part of the kept transcript.
  if (lastSeq === 0) await welcome();
  window.setTimeout(() => void poll(), POLL_MS);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text || busy) return;
  input.value = '';
  void send({ kind: 'text', text }, text);
});

input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey) {
    event.preventDefault();
    form.requestSubmit();
  }
});

nameInput.addEventListener('change', () => localStorage.setItem(NAME, nameInput.value.trim()));

document.querySelectorAll<HTMLButtonElement>('[data-lang]').forEach((button) => {
  button.addEventListener('click', () => {
    const next = button.dataset.lang ?? 'en';
    if (next === lang || busy) return;
    lang = next;
    localStorage.setItem(LANG, lang);
    applyTexts();
    void send({ kind: 'lang', lang });
  });
});

void start();
