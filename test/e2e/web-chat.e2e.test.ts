// End to end, in a real browser: a researcher asks the drone / China question in the web chat, answers
// partly by typing, and passes the case on; the contact point takes it in the inbox and asks a question;
// the researcher answers; the contact point closes it with advice; the researcher sees the advice.
// Runs the real server (engine, SQLite store, outbox worker) in-process on a free port.
import { existsSync, mkdirSync, mkdtempSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/logger.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = resolve('test-artifacts/e2e');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`[e2e] skipped: ${CHROMIUM} is missing (install Debian's chromium: apt-get install -y chromium)`);
}

// The guideline's own example question (case "drone technology with a university in China").
const QUESTION = 'I want to collaborate on drone technology with a university in China. Is that possible?';
const PARTNER = 'Northwestern Polytechnical University';
const CP_QUESTION = 'Which lab at the partner is involved, and is there a signed agreement yet?';
const RESEARCHER_ANSWER = 'The flight-control lab; nothing is signed yet.';
const ADVICE = 'Do not share the navigation code until the export-control check is done; we will apply for a licence together.';

let app: RunningApp;
let browser: Browser;
let dataDir: string;

async function shot(page: Page, name: string): Promise<string> {
  const file = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

function botCount(page: Page): Promise<number> {
  return page.locator('.msg.bot').count();
}

async function waitForMoreBot(page: Page, before: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('.msg.bot').length > n, before, { timeout: 20_000 });
  await page.waitForFunction(() => (document.getElementById('status')?.textContent ?? '') === '', undefined, { timeout: 20_000 });
}

async function typeInComposer(page: Page, text: string): Promise<void> {
  const before = await botCount(page);
  await page.fill('#message', text);
  await page.press('#message', 'Enter');
  await waitForMoreBot(page, before);
}

async function clickInLastCard(page: Page, label: RegExp): Promise<void> {
  const before = await botCount(page);
  const card = page.locator('.msg.bot').last();
  await card.locator('button.ac-pushButton', { hasText: label }).first().click();
  await waitForMoreBot(page, before);
}

async function typeInLastCard(page: Page, text: string): Promise<void> {
  const before = await botCount(page);
  const card = page.locator('.msg.bot').last();
  await card.locator('input.ac-textInput, textarea.ac-textInput').first().fill(text);
  await card.locator('button.ac-pushButton', { hasText: /^(Send|Verstuur)$/ }).last().click();
  await waitForMoreBot(page, before);
}

async function transcriptIncludes(page: Page, text: string, timeout = 20_000): Promise<void> {
  await page.waitForFunction((t) => (document.getElementById('transcript')?.innerText ?? '').includes(t), text, { timeout });
}

/**
 * Answers whatever the advisor asks until the case is created. Typed answers (in the card's own field and
 * in the message box) and clicked buttons are mixed on purpose. Returns how many answers were typed.
 */
async function answerUntilCaseCreated(page: Page): Promise<{ typed: number; steps: number }> {
  let typed = 0;
  for (let steps = 1; steps <= 20; steps++) {
    if ((await page.locator('.downloads a').count()) > 0) return { typed, steps };
    const last = (await page.locator('.msg.bot').last().innerText()).replace(/\s+/g, ' ');
    if (/partner's name/i.test(last)) {
      await typeInLastCard(page, PARTNER);
      typed++;
    } else if (/dual-use/i.test(last) && /Annex I/i.test(last)) {
      await typeInComposer(page, 'not sure');
      typed++;
    } else if (/How far from application/i.test(last)) {
      await clickInLastCard(page, /Applied research/);
    } else if (/human-rights/i.test(last)) {
      await typeInComposer(page, 'no');
      typed++;
    } else if (/share with the partner/i.test(last)) {
      await clickInLastCard(page, /Data, software/);
    } else if (/Send to my contact point/.test(last)) {
      await shot(page, '02-outcome');
      await clickInLastCard(page, /Send to my contact point/);
    } else if (/Which institution/i.test(last)) {
      await clickInLastCard(page, /^UHasselt$/);
    } else if (/Yes, send it/.test(last)) {
      await clickInLastCard(page, /Yes, send it/);
    } else if (/I'm not sure/.test(last)) {
      await clickInLastCard(page, /I'm not sure/);
    } else {
      throw new Error(`the advisor said something the test does not know how to answer: ${last.slice(0, 300)}`);
    }
  }
  throw new Error('no case after 20 answers');
}

describe.skipIf(!hasChromium)('web chat and inbox in a real browser', () => {
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), 'advisor-e2e-'));
    // PORT 0 (a free port) is for tests only; the setting itself takes 1 to 65535.
    const config = { ...loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', OUTBOX_POLL_MS: '100' }), PORT: 0 };
    app = await startApp(config, { logger: createLogger('warn') });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('takes a case from the researcher to the contact point and back', async () => {
    const researcherContext = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const researcher = await researcherContext.newPage();
    const browserErrors: string[] = [];
    researcher.on('console', (m) => {
      if (m.type() === 'error') browserErrors.push(m.text());
    });
    researcher.on('pageerror', (e) => browserErrors.push(e.message));

    // 1. The researcher opens the web chat and types the drone / China question.
    await researcher.goto(`${app.url}/`);
    await researcher.waitForSelector('.msg.bot .ac-adaptiveCard');
    await typeInComposer(researcher, QUESTION);
    await shot(researcher, '01-question');

    // 2. They answer, partly by typing, and confirm the escalation.
    const { typed } = await answerUntilCaseCreated(researcher);
    expect(typed).toBeGreaterThanOrEqual(2);
    const transcript = await researcher.locator('#transcript').innerText();
    expect(transcript).toMatch(/Risk/);
    const ref = /RS-[A-Z0-9]+/.exec(await researcher.locator('.msg.bot').last().innerText())?.[0];
    expect(ref).toBeDefined();
    await shot(researcher, '03-case-created');

    // 3. The contact point sees the case in the inbox, takes it and asks a question.
    const cpContext = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const cp = await cpContext.newPage();
    await cp.goto(`${app.url}/inbox`);
    const row = cp.locator(`tr[data-ref="${ref}"]`);
    await expect(row.innerText()).resolves.toMatch(/open/);
    await shot(cp, '04-inbox-list');
    await row.locator('a').click();
    await cp.waitForSelector('#doc-history');
    expect(await cp.locator('main').innerText()).toContain(PARTNER);
    await cp.click('button[value="take"]');
    await cp.waitForSelector('.flash');
    expect(await cp.locator('#case-status').innerText()).toMatch(/taken/);
    await cp.fill('#question', CP_QUESTION);
    await cp.click('form[action$="/ask"] button');
    await cp.waitForSelector('.flash');
    expect(await cp.locator('#case-status').innerText()).toMatch(/waiting for the researcher/);
    await shot(cp, '05-inbox-asked');

    // 4. The researcher sees the question and answers.
    await transcriptIncludes(researcher, CP_QUESTION);
    await shot(researcher, '06-researcher-question');
    await typeInComposer(researcher, RESEARCHER_ANSWER);

    // 5. The contact point sees the answer and closes the case with advice.
    await cp.waitForFunction(
      async (text) => {
        const res = await fetch(window.location.pathname);
        return (await res.text()).includes(text);
      },
      RESEARCHER_ANSWER,
      { timeout: 20_000, polling: 500 },
    );
    await cp.goto(`${app.url}/inbox/cases/${ref}`);
    expect(await cp.locator('#doc-history').innerText()).toContain(RESEARCHER_ANSWER);
    await cp.fill('#advice', ADVICE);
    await cp.click('form[action$="/close"] button');
    await cp.waitForSelector('.flash');
    expect(await cp.locator('#case-status').innerText()).toMatch(/closed/);
    await shot(cp, '07-inbox-closed');

    // 6. The researcher sees the advice.
    await transcriptIncludes(researcher, ADVICE);
    await shot(researcher, '08-researcher-advice');
    const view = join(ARTIFACTS, '09-web-chat-view.png');
    await researcher.screenshot({ path: view });
    if (process.env.SAVE_DOCS_SCREENSHOT === '1') copyFileSync(view, resolve('docs/web-chat.png'));

    // The downloads of their own case work from the researcher's page; someone else's session gets nothing.
    const pdf = await researcher.request.get(`${app.url}/api/chat/cases/${ref}/summary.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const stranger = await browser.newContext();
    const denied = await stranger.request.get(`${app.url}/api/chat/cases/${ref}/summary.pdf`);
    expect(denied.status()).toBe(404);
    await stranger.close();

    // The language can be chosen: the page's own texts and the advisor's replies switch to Dutch.
    const beforeNl = await botCount(researcher);
    await researcher.click('button[data-lang="nl"]');
    await waitForMoreBot(researcher, beforeNl);
    expect(await researcher.locator('#composer button').innerText()).toBe('Verstuur');
    expect(await researcher.locator('.msg.bot').last().innerText()).toMatch(/Nederlands/);

    // No script errors and no CSP violations in the researcher's page.
    expect(browserErrors).toEqual([]);
    await researcherContext.close();
    await cpContext.close();
  }, 180_000);
});
