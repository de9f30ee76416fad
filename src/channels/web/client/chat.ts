// The researcher's web chat: typed messages and card buttons go to /api/chat/turn, replies come back as
// Adaptive Cards; notices from the contact point arrive by polling /api/chat/notices.
import { renderCard, type Submitted } from './card-view.js';

/** A language code of content/languages.yaml; the page offers one button per language. */
type Lang = string;

interface WebMessage {
  card: unknown;
  caseRef?: string;
}

type Entry = { who: 'me'; text: string } | { who: 'bot'; message: WebMessage };

interface PageData {
  lang: Lang;
  /** Per key, the text in each language; a missing translation falls back to English. */
  texts: Record<string, { en: string; [lang: string]: string | undefined }>;
}

const TRANSCRIPT = 'advisor.transcript';
const NOTICE_SEQ = 'advisor.noticeSeq';
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
let busy = false;

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

function loadTranscript(): Entry[] {
  try {
    return JSON.parse(sessionStorage.getItem(TRANSCRIPT) ?? '[]') as Entry[];
  } catch {
    return [];
  }
}

function remember(entry: Entry): void {
  const entries = loadTranscript();
  entries.push(entry);
  sessionStorage.setItem(TRANSCRIPT, JSON.stringify(entries.slice(-200)));
}

function show(entry: Entry): void {
  const row = document.createElement('div');
  row.className = `msg ${entry.who}`;
  if (entry.who === 'me') {
    row.textContent = entry.text;
  } else {
    row.appendChild(renderCard(entry.message.card, onCardSubmit));
    if (entry.message.caseRef) row.appendChild(downloads(entry.message.caseRef));
  }
  transcriptEl.appendChild(row);
  row.scrollIntoView({ block: 'end' });
}

function downloads(ref: string): HTMLElement {
  const box = document.createElement('p');
  box.className = 'downloads';
  const label = document.createElement('span');
  label.textContent = `${t('web.download')} `;
  box.appendChild(label);
  for (const [ext, key] of [['md', 'web.download-md'], ['pdf', 'web.download-pdf']] as const) {
    const a = document.createElement('a');
    a.href = `/api/chat/cases/${encodeURIComponent(ref)}/summary.${ext}`;
    a.textContent = t(key);
    a.setAttribute('download', '');
    box.appendChild(a);
    box.appendChild(document.createTextNode(' '));
  }
  return box;
}

function add(entry: Entry): void {
  remember(entry);
  show(entry);
}

function setStatus(key: string | null): void {
  statusEl.textContent = key ? t(key) : '';
}

async function send(body: Record<string, unknown>): Promise<void> {
  busy = true;
  setStatus('web.thinking');
  try {
    const res = await fetch('/api/chat/turn', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, lang, name: nameInput.value.trim() || undefined }),
    });
    // A 429 (too many messages or cases) carries a message of its own to show.
    if (!res.ok && res.status !== 429) throw new Error(String(res.status));
    const reply = (await res.json()) as { messages: WebMessage[]; lang: Lang };
    for (const message of reply.messages) add({ who: 'bot', message });
    setStatus(null);
  } catch {
    setStatus('web.error');
  } finally {
    busy = false;
  }
}

function onCardSubmit(submitted: Submitted): void {
  if (busy) return;
  if (submitted.label) add({ who: 'me', text: submitted.label });
  void send({ kind: 'card', data: submitted.data });
}

async function pollNotices(): Promise<void> {
  const after = Number(sessionStorage.getItem(NOTICE_SEQ) ?? '0');
  try {
    const res = await fetch(`/api/chat/notices?after=${after}`);
    if (res.ok) {
      const body = (await res.json()) as { notices: Array<{ seq: number; messages: WebMessage[] }> };
      for (const notice of body.notices) {
        for (const message of notice.messages) add({ who: 'bot', message });
        sessionStorage.setItem(NOTICE_SEQ, String(notice.seq));
      }
    }
  } catch {
    // Offline for a moment: the next poll catches up from the same sequence number.
  }
  window.setTimeout(() => void pollNotices(), POLL_MS);
}

async function start(): Promise<void> {
  applyTexts();
  nameInput.value = localStorage.getItem(NAME) ?? '';
  const entries = loadTranscript();
  if (entries.length > 0) {
    entries.forEach(show);
  } else {
    const res = await fetch(`/api/chat/welcome?lang=${lang}`);
    if (res.ok) {
      const body = (await res.json()) as { messages: WebMessage[]; noticeSeq: number };
      sessionStorage.setItem(NOTICE_SEQ, String(body.noticeSeq));
      for (const message of body.messages) add({ who: 'bot', message });
    }
  }
  void pollNotices();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text || busy) return;
  input.value = '';
  add({ who: 'me', text });
  void send({ kind: 'text', text });
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
