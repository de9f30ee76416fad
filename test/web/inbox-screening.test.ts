// Batch screening through the real server's inbox: a contact point uploads a `;`-separated CSV as Excel
// in Belgium saves it (a BOM, a quoted name over two lines, a formula cell), follows the progress bar
// (its status endpoint), and downloads the report as CSV (read back with a real parser) and as PDF
// (opened with pdfjs-dist). Another institution's contact point cannot see the screening.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/logger.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'screening');
const UGENT = 'ugent-token-Zm9vYmFyYmF6cXV4';
const KULEUVEN = 'kuleuven-token-cXV4YmF6YmFyZm9v';
const sha256 = (token: string): string => createHash('sha256').update(token).digest('hex');
const INSTITUTIONS = `institutions:
  - id: ugent
    inbox: { tokenSha256: "${sha256(UGENT)}" }
  - id: kuleuven
    inbox: { tokenSha256: "${sha256(KULEUVEN)}" }
`;

// As Excel (Belgian locale) saves it: BOM, `;`, a comma inside a name, a quoted name over two lines, a formula.
const UPLOAD = [
  '\uFEFFname;country;faculty',
  'Harbin Inst. of Tech.;CN;Engineering',
  '"Rostok Avia',
  'Test JSC";RU;Engineering',
  'Northern Optics, Trading and Test Company Ltd;IR;Science',
  '"=HYPERLINK(""http://evil.example"";""click"")";BE;Science',
  'University of Antwerp;BE;Science',
  '',
].join('\r\n');

/** A yente that answers slowly and finds nothing: the screening takes long enough to watch its progress. */
let yente: Server;
let yenteAsked = 0;

async function pdfText(data: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  let text = '';
  for (let n = 1; n <= pdf.numPages; n++) {
    const items = (await (await pdf.getPage(n)).getTextContent()).items;
    text += items.map((item) => ('str' in item ? item.str : '')).join(' ');
  }
  await pdf.destroy();
  return text.replace(/\s+/g, ' ');
}

describe('batch screening in the inbox', () => {
  let app: RunningApp;
  let dir: string;
  beforeAll(async () => {
    yente = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        yenteAsked++;
        setTimeout(() => {
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ responses: { q: { status: 200, results: [], total: { value: 0, relation: 'eq' } } }, matcher: {}, limit: 5 }));
        }, 250);
      });
    });
    await new Promise<void>((r) => yente.listen(0, '127.0.0.1', () => r()));
    dir = mkdtempSync(join(tmpdir(), 'advisor-inbox-screening-'));
    const file = join(dir, 'institutions.yaml');
    writeFileSync(file, INSTITUTIONS);
    const config = {
      ...loadConfig({
        DATA_DIR: dir,
        OUTBOX_POLL_MS: '60000',
        INSTITUTIONS_FILE: file,
        SCREENING_DATASETS: join(FIXTURES, 'targets.simple.csv'),
        SCREENING_STALE_DAYS: '3650',
        SCREENING_RELOAD_CHECK_SECONDS: '0',
        SCREENING_YENTE_URL: `http://127.0.0.1:${(yente.address() as AddressInfo).port}`,
        SCREENING_YENTE_BUDGET_MS: '2000',
      }),
      PORT: 0,
    };
    app = await startApp(config, { logger: createLogger('silent') });
  }, 60_000);
  afterAll(async () => {
    await app.stop();
    yente.closeAllConnections();
    await new Promise<void>((r) => yente.close(() => r()));
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (path: string, token: string) =>
    fetch(`${app.url}${path}`, { redirect: 'manual', headers: { authorization: `Bearer ${token}`, accept: 'text/html' } });

  it('screens an uploaded CSV with a progress bar, and offers the report as CSV and PDF with the kind of each hit', async () => {
    const form = new FormData();
    form.append('partners', new Blob([UPLOAD], { type: 'text/csv' }), 'faculty partners.csv');
    const posted = await fetch(`${app.url}/inbox/screening`, { method: 'POST', body: form, redirect: 'manual', headers: { authorization: `Bearer ${UGENT}` } });
    expect(posted.status).toBe(303);
    const location = posted.headers.get('location') ?? '';
    expect(location).toMatch(/^\/inbox\/screening\/[0-9a-f-]{36}$/);

    // While yente is being asked, the page shows a progress bar fed by the bundled script, no inline script.
    const running = await (await get(location, UGENT)).text();
    expect(running).toMatch(/<progress id="screening-progress" max="5" value="\d" data-status="\/inbox\/screening\/[0-9a-f-]{36}\/status"/);
    expect(running).toContain('<script src="/static/screening.js" defer></script>');
    expect(running).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const script = await fetch(`${app.url}/static/screening.js`);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(await script.text()).toContain('screening-progress');

    const seen: number[] = [];
    let status = { status: 'running', done: 0, total: 0 };
    for (let i = 0; i < 100 && status.status === 'running'; i++) {
      const res = await fetch(`${app.url}${location}/status`, { headers: { authorization: `Bearer ${UGENT}` } });
      expect(res.status).toBe(200);
      status = (await res.json()) as typeof status;
      seen.push(status.done);
      if (status.status === 'running') await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toEqual({ status: 'done', done: 5, total: 5 });
    expect(seen.some((d) => d > 0 && d < 5)).toBe(true);
    expect(yenteAsked).toBeGreaterThanOrEqual(5);

    const page = await (await get(location, UGENT)).text();
    expect(page).toContain('5 partners: 3 with a match');
    expect(page).toContain(`${location}/report.csv`);
    expect(page).toContain(`${location}/report.pdf`);

    // The CSV report: BOM, the upload's `;`, one row per hit with its kind, the formula neutralised.
    const csvRes = await get(`${location}/report.csv`, UGENT);
    expect(csvRes.headers.get('content-disposition')).toBe('attachment; filename="faculty_partners.screening.csv"');
    const csv = Buffer.from(await csvRes.arrayBuffer()).toString('utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parse(csv, { bom: true, delimiter: ';', columns: true }) as Array<Record<string, string>>;
    const rowsOf = (partner: string) => rows.filter((r) => r['partner'] === partner);
    expect(rowsOf('Harbin Inst. of Tech.').find((r) => r['result'] === 'match')).toMatchObject({ kind: 'military', list: 'seven-sons', country: 'CN' });
    expect(rowsOf('Rostok Avia Test JSC').find((r) => r['result'] === 'match')).toMatchObject({ kind: 'sanction', id: 'NK-test-0001', row: '3' });
    expect(rowsOf('Northern Optics, Trading and Test Company Ltd').find((r) => r['result'] === 'match')).toMatchObject({ kind: 'debarment' });
    expect(rowsOf('University of Antwerp')).toEqual([expect.objectContaining({ result: 'no hit', kind: '' })]);
    expect(rowsOf(`'=HYPERLINK("http://evil.example";"click")`)).toHaveLength(1);
    expect(rows.every((r) => !/^[=+\-@]/.test(r['partner'] ?? ''))).toBe(true);

    // The PDF report, opened again.
    const pdfRes = await get(`${location}/report.pdf`, UGENT);
    expect(pdfRes.headers.get('content-type')).toBe('application/pdf');
    const text = await pdfText(Buffer.from(await pdfRes.arrayBuffer()));
    expect(text).toContain('Partner screening');
    expect(text).toContain('5 partners: 3 with a match');
    expect(text).toMatch(/3\. Rostok Avia Test JSC \(RU\) match · sanction · OpenSanctions targets\.simple\.csv \(2025-11-02\)/);
    expect(text).toMatch(/Harbin Inst\. of Tech\. \(CN\) match · military/);
    expect(text).toMatch(/Northern Optics, Trading and Test Company Ltd \(IR\) match · debarment/);
    expect(text).toMatch(/University of Antwerp \(BE\) no hit on the lists checked/);
    expect(text).toContain('yente (default)');
    expect(text).toContain('No hit is not a clearance');

    // Another institution's contact point: as if it did not exist.
    expect((await get(location, KULEUVEN)).status).toBe(404);
    expect((await get(`${location}/status`, KULEUVEN)).status).toBe(404);
    expect((await get(`${location}/report.csv`, KULEUVEN)).status).toBe(404);
    // And without a token, nothing.
    expect((await fetch(`${app.url}${location}/status`, { headers: { accept: 'application/json' } })).status).toBe(401);
    const browser = await fetch(`${app.url}${location}`, { redirect: 'manual' });
    expect([browser.status, browser.headers.get('location')]).toEqual([303, '/inbox/login']);
  }, 60_000);

  it('refuses a file with no partner names, and a request that is no upload', async () => {
    const form = new FormData();
    form.append('partners', new Blob(['\uFEFFname;country\r\n'], { type: 'text/csv' }), 'empty.csv');
    const empty = await fetch(`${app.url}/inbox/screening`, { method: 'POST', body: form, headers: { authorization: `Bearer ${UGENT}` } });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('The file holds no partner names.');
    const notUpload = await fetch(`${app.url}/inbox/screening`, {
      method: 'POST',
      body: 'x=1',
      headers: { authorization: `Bearer ${UGENT}`, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(notUpload.status).toBe(400);
  });
});
