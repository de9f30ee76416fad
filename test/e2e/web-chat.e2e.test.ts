// End to end, in a real browser: a researcher asks the drone / China question in the web chat, answers
// partly by typing, and passes the case on; the contact point takes it in the inbox and asks a question;
// the researcher answers; the contact point closes it with advice; the researcher sees the advice.
// Runs the real server (engine, SQLite store, outbox worker) in-process on a free port.
import { existsSync, mkdirSync, mkdtempSync, copyFileSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
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
// A Chinese name too, so that the PDF must embed a CJK font (issue 13 item 9).
const PARTNER = 'Northwestern Polytechnical University 西北工业大学';
const CP_QUESTION = 'Which lab at the partner is involved, and is there a signed agreement yet?';
const RESEARCHER_ANSWER = 'The flight-control lab; nothing is signed yet.';
const ADVICE = 'Do not share the navigation code until the export-control check is done; we will apply for a licence together.';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core in the page (issue 13 item 12): the serious and critical violations, as "rule: target" lines.
 * The source is evaluated through the DevTools protocol, so the page's CSP (no inline scripts) stays on.
 */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ id: string; impact?: string; nodes: Array<{ target: unknown[] }> }> }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id}: ${v.nodes
            .map((n) => String(n.target[0]))
            .slice(0, 3)
            .join(', ')}`,
      );
  });
  return violations;
}

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
  await card
    .locator('button.ac-pushButton', { hasText: /^(Send|Verstuur)$/ })
    .last()
    .click();
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
  let cancelled = false;
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
    } else if (/sign an agreement with the partner/i.test(last)) {
      await clickInLastCard(page, /No, only between researchers/);
    } else if (/Who funds the work/i.test(last)) {
      await clickInLastCard(page, /Another funder/);
    } else if (/Send to my contact point/.test(last)) {
      await shot(page, '02-outcome');
      await clickInLastCard(page, /Send to my contact point/);
    } else if (/Which institution/i.test(last)) {
      await clickInLastCard(page, /^UHasselt$/);
    } else if (/Yes, send it/.test(last) && !cancelled) {
      // Cancel once: the case can still be sent afterwards (issue 13 item 3).
      cancelled = true;
      await clickInLastCard(page, /^Cancel$/);
      expect(await page.locator('.msg.bot').last().innerText()).toMatch(/Nothing was sent/);
      await shot(page, '02b-cancelled-still-sendable');
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
    expect(await axeViolations(researcher)).toEqual([]);

    // Long advice reads well (issue 13 item 10): each part of the outcome opens and closes by its title, by
    // keyboard. What to do is open, the sources start closed.
    const outcomeCard = researcher.locator('.msg.bot', { has: researcher.locator('[id$="doc-steps-body"]') }).last();
    const stepsToggle = outcomeCard.locator('.ac-selectable[aria-controls$="doc-steps-body"]');
    const stepsBody = outcomeCard.locator('[id$="doc-steps-body"]');
    expect(await stepsToggle.getAttribute('aria-expanded')).toBe('true');
    expect(await stepsBody.isVisible()).toBe(true);
    expect(await stepsToggle.innerText()).toMatch(/^▾ /);
    await stepsToggle.focus();
    await researcher.keyboard.press('Enter');
    expect(await stepsBody.isVisible()).toBe(false);
    expect(await stepsToggle.getAttribute('aria-expanded')).toBe('false');
    expect(await stepsToggle.innerText()).toMatch(/^▸ /);
    await stepsToggle.scrollIntoViewIfNeeded();
    await researcher.screenshot({ path: join(ARTIFACTS, '03b-steps-collapsed.png') });
    await researcher.keyboard.press('Enter');
    expect(await stepsBody.isVisible()).toBe(true);
    expect(await stepsToggle.getAttribute('aria-expanded')).toBe('true');
    const sourcesToggle = outcomeCard.locator('.ac-selectable[aria-controls$="doc-sources-body"]');
    const sourcesBody = outcomeCard.locator('[id$="doc-sources-body"]');
    expect(await sourcesBody.isVisible()).toBe(false);
    await sourcesToggle.focus();
    await researcher.keyboard.press('Space');
    expect(await sourcesBody.isVisible()).toBe(true);
    await sourcesToggle.scrollIntoViewIfNeeded();
    await researcher.screenshot({ path: join(ARTIFACTS, '03c-sources-opened.png') });
    // Concern text is the AA amber of the palette, never the Adaptive Cards default #E69500 (about 2:1 on white);
    // axe's colour-contrast check above covers every text shown.
    const defaultAmber = await researcher.evaluate(
      () => [...document.querySelectorAll('#transcript *')].filter((e) => getComputedStyle(e).color === 'rgb(230, 149, 0)').length,
    );
    expect(defaultAmber).toBe(0);
    // The ids stay unique on the page although every outcome card has the same parts.
    const ids = await researcher.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
    expect(ids.length).toBe(new Set(ids).size);
    expect(await axeViolations(researcher)).toEqual([]);

    // 3. The contact point sees the case in the inbox, takes it and asks a question.
    const cpContext = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const cp = await cpContext.newPage();
    await cp.goto(`${app.url}/inbox`);
    const row = cp.locator(`tr[data-ref="${ref}"]`);
    await expect(row.innerText()).resolves.toMatch(/open/);
    await shot(cp, '04-inbox-list');
    expect(await axeViolations(cp)).toEqual([]);
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
    expect(await axeViolations(cp)).toEqual([]);

    // 4. The researcher sees the question. A second tab of the same browser shows the whole conversation,
    // the case and the open question (issue 13 item 1): it lives on the server, not in the first tab.
    await transcriptIncludes(researcher, CP_QUESTION);
    await shot(researcher, '06-researcher-question');
    // "Answer later" frees the chat: a new question is not taken for the answer, and the question stays open.
    await clickInLastCard(researcher, /^Answer later$/);
    await typeInComposer(researcher, 'What does dual use mean?');
    expect(await researcher.locator('#transcript').innerText()).not.toMatch(/as your answer to case/);
    await researcher.locator('#open-question').waitFor({ state: 'visible' });
    expect(await researcher.locator('#open-question').innerText()).toContain(CP_QUESTION);
    await shot(researcher, '06a-answer-later-new-question');
    const tab2 = await researcherContext.newPage();
    tab2.on('pageerror', (e) => browserErrors.push(e.message));
    await tab2.goto(`${app.url}/`);
    await transcriptIncludes(tab2, QUESTION);
    await transcriptIncludes(tab2, CP_QUESTION);
    expect(await tab2.locator('#my-cases').innerText()).toContain(ref);
    const openQuestion = tab2.locator('#open-question');
    await openQuestion.waitFor({ state: 'visible' });
    expect(await openQuestion.innerText()).toContain(CP_QUESTION);
    await shot(tab2, '06b-second-tab-open-question');
    await tab2.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const chatView = join(ARTIFACTS, '06e-open-question-view.png');
    await tab2.screenshot({ path: chatView });
    if (process.env.SAVE_DOCS_SCREENSHOT === '1') copyFileSync(chatView, resolve('docs/web-chat.png'));
    // The answer is given from the second tab, by its Reply button, then the message box.
    const beforeReply = await botCount(tab2);
    await openQuestion.locator('button.ac-pushButton', { hasText: /^Reply$/ }).click();
    await waitForMoreBot(tab2, beforeReply);
    await typeInComposer(tab2, RESEARCHER_ANSWER);
    await openQuestion.waitFor({ state: 'hidden' });
    // The first tab, reloaded, shows the answer given in the second tab.
    await researcher.reload();
    await transcriptIncludes(researcher, RESEARCHER_ANSWER);
    expect(await researcher.locator('#open-question').isVisible()).toBe(false);
    await shot(researcher, '06c-first-tab-reloaded');

    // 5. The contact point sees the answer and closes the case with advice.
    await cp.waitForFunction(
      async (text) => {
        const res = await fetch(window.location.pathname);
        return (await res.text()).includes(text);
      },
      RESEARCHER_ANSWER,
      { timeout: 20_000, polling: 500 },
    );
    // The inbox list marks the case with the researcher's new answer.
    await cp.goto(`${app.url}/inbox`);
    expect(await cp.locator(`tr[data-ref="${ref}"]`).innerText()).toMatch(/new answer/);
    expect(await cp.locator(`tr[data-ref="${ref}"]`).innerText()).toContain(PARTNER);
    await shot(cp, '06d-inbox-new-answer');
    await cp.goto(`${app.url}/inbox/cases/${ref}`);
    const history = await cp.locator('#doc-history').innerText();
    const inboxView = join(ARTIFACTS, '06f-inbox-case-view.png');
    await cp.screenshot({ path: inboxView });
    if (process.env.SAVE_DOCS_SCREENSHOT === '1') copyFileSync(inboxView, resolve('docs/inbox-case.png'));
    expect(history.indexOf(RESEARCHER_ANSWER)).toBeGreaterThan(history.indexOf(CP_QUESTION));
    await cp.fill('#advice', ADVICE);
    await cp.click('form[action$="/close"] button');
    await cp.waitForSelector('.flash');
    expect(await cp.locator('#case-status').innerText()).toMatch(/closed/);
    await shot(cp, '07-inbox-closed');

    // 6. The researcher sees the advice.
    await transcriptIncludes(researcher, ADVICE);
    await shot(researcher, '08-researcher-advice');
    await researcher.screenshot({ path: join(ARTIFACTS, '09-web-chat-view.png') });

    // The researcher's own view of the case: status, the exchange in order, the advice; nobody else's.
    const casePage = await researcherContext.newPage();
    await casePage.goto(`${app.url}/cases/${ref}`);
    const caseText = await casePage.locator('main').innerText();
    expect(caseText).toMatch(/closed/);
    expect(caseText.indexOf(CP_QUESTION)).toBeGreaterThan(-1);
    expect(caseText.indexOf(RESEARCHER_ANSWER)).toBeGreaterThan(caseText.indexOf(CP_QUESTION));
    expect(caseText).toContain(ADVICE);
    await shot(casePage, '09b-researcher-case-view');
    // Its parts open and close by their title too (<details>), by keyboard: the exchange is open, the sources closed.
    const exchange = casePage.locator('#doc-history details');
    expect(await exchange.getAttribute('open')).not.toBeNull();
    await casePage.locator('#doc-history summary').focus();
    await casePage.keyboard.press('Enter');
    expect(await exchange.getAttribute('open')).toBeNull();
    expect(await casePage.locator('#doc-history li').first().isVisible()).toBe(false);
    await casePage.keyboard.press('Enter');
    expect(await exchange.getAttribute('open')).not.toBeNull();
    expect(await casePage.locator('#doc-sources details').getAttribute('open')).toBeNull();
    expect(await axeViolations(casePage)).toEqual([]);
    await casePage.close();

    // The downloads of their own case work from the researcher's page; someone else's session gets nothing.
    const pdf = await researcher.request.get(`${app.url}/api/chat/cases/${ref}/summary.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const pdfDoc = await getDocument({ data: new Uint8Array(await pdf.body()), verbosity: 0 }).promise;
    let pdfText = '';
    for (let n = 1; n <= pdfDoc.numPages; n++) {
      const items = (await (await pdfDoc.getPage(n)).getTextContent()).items;
      pdfText += items.map((item) => ('str' in item ? item.str : '')).join('');
    }
    await pdfDoc.destroy();
    expect(pdfText.replace(/\s+/g, '')).toContain('西北工业大学');
    expect(pdfText.replace(/\s+/g, '')).toContain(`${ref}·1/`);
    const stranger = await browser.newContext();
    const denied = await stranger.request.get(`${app.url}/api/chat/cases/${ref}/summary.pdf`);
    expect(denied.status()).toBe(404);
    expect((await stranger.request.get(`${app.url}/cases/${ref}`)).status()).toBe(404);
    await stranger.close();

    // The language can be chosen: the page's own texts and the advisor's replies switch to Dutch.
    const beforeNl = await botCount(researcher);
    await researcher.click('button[data-lang="nl"]');
    await waitForMoreBot(researcher, beforeNl);
    expect(await researcher.locator('#composer button').innerText()).toBe('Verstuur');
    expect(await researcher.locator('.msg.bot').last().innerText()).toMatch(/Nederlands/);

    // "Forget me" clears the screen of both tabs and the server history, and says what stays with the institution.
    await researcher.fill('#message', 'vergeet mij');
    await researcher.press('#message', 'Enter');
    await transcriptIncludes(researcher, 'blijven bij je instelling');
    // It names the case that was sent: that stays with the institution (issue 13 item 4).
    expect(await researcher.locator('.msg.bot').last().innerText()).toMatch(new RegExp(`bewaarregels: (RS-[A-Z0-9]+, )*${ref}`));
    expect(await researcher.locator('#transcript').innerText()).not.toContain(QUESTION);
    await tab2.waitForFunction((q) => !(document.getElementById('transcript')?.innerText ?? '').includes(q), QUESTION, { timeout: 10_000 });
    await researcher.reload();
    await researcher.waitForSelector('.msg.bot .ac-adaptiveCard');
    expect(await researcher.locator('#transcript').innerText()).not.toContain(QUESTION);
    await shot(researcher, '10-forgotten');

    // A Dutch browser gets the page in Dutch, with the switch to English visible.
    const dutch = await browser.newContext({ locale: 'nl-BE', viewport: { width: 390, height: 844 } });
    const nlPage = await dutch.newPage();
    await nlPage.goto(`${app.url}/`);
    await nlPage.waitForSelector('.msg.bot .ac-adaptiveCard');
    expect(await nlPage.locator('h1').innerText()).toBe('Adviseur kennisveiligheid');
    expect(await nlPage.locator('#composer button').innerText()).toBe('Verstuur');
    expect(await nlPage.locator('button[data-lang="en"]').isVisible()).toBe(true);
    await shot(nlPage, '11-dutch-browser-mobile');
    // On a phone the welcome card's buttons wrap onto more rows; no label is cut off or runs out of the page.
    const cut = await nlPage.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('button.ac-pushButton')]
        .filter((b) => b.scrollWidth > b.clientWidth + 1 || b.getBoundingClientRect().right > window.innerWidth)
        .map((b) => b.innerText),
    );
    expect(cut).toEqual([]);
    // Keyboard only: Tab reaches a topic button of the welcome card, Enter chooses it, and the message box is reachable.
    let onTopic = false;
    for (let i = 0; i < 80 && !onTopic; i++) {
      await nlPage.keyboard.press('Tab');
      onTopic = await nlPage.evaluate(() => document.activeElement?.classList.contains('ac-pushButton') ?? false);
    }
    expect(onTopic).toBe(true);
    const beforeKey = await botCount(nlPage);
    await nlPage.keyboard.press('Enter');
    await waitForMoreBot(nlPage, beforeKey);
    await nlPage.focus('#message');
    await nlPage.keyboard.type('help');
    const beforeHelp = await botCount(nlPage);
    await nlPage.keyboard.press('Enter');
    await waitForMoreBot(nlPage, beforeHelp);
    await dutch.close();

    // No script errors and no CSP violations in the researcher's page.
    expect(browserErrors).toEqual([]);
    await researcherContext.close();
    await cpContext.close();
  }, 180_000);
});
