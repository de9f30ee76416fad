// A crash between the ack and the turn: the instance acks a DM (200), is killed before the turn runs, and the
// restarted instance answers the message from the durable inbox. Slack's retry of that event is not answered twice.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import { FakeSlackApi } from './fake-slack-api.js';
import { SIGNING_SECRET, fixture, sign } from './harness.js';

const CHILD = join(import.meta.dirname, 'fixtures', 'slack-server-child.ts');

function startInstance(dbPath: string, env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dbPath], {
    env: { ...process.env, SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ child, url: `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}` });
    });
    child.on('exit', (code) => reject(new Error(`instance exited early (${code})`)));
  });
}

async function killed(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

describe('Slack inbound survives a crash between ack and turn', () => {
  const cleanup: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('answers the acked message after a restart, once', async () => {
    const api = new FakeSlackApi();
    await api.start();
    cleanup.push(() => api.stop());
    const dir = mkdtempSync(join(tmpdir(), 'slack-crash-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const dbPath = join(dir, 'advisor.db');
    const env = { SLACK_API_URL: api.apiUrl, SLACK_INBOX_LEASE_SECONDS: '1' };

    const first = await startInstance(dbPath, { ...env, TURN_DELAY_MS: '60000' });
    cleanup.push(() => killed(first.child));
    const body = fixture('event-message-im.json', { TEAM: 'T0RSA', EVENT_ID: 'Ev0CRASH01' });
    const acked = await fetch(`${first.url}/slack/events`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...sign(body) } });
    expect(acked.status).toBe(200);
    // Acked, turn not run: SIGKILL now.
    await killed(first.child);
    expect(api.callsTo('chat.postMessage')).toHaveLength(0);
    const store = createSqliteStore({ path: dbPath, durability: 'process' });
    expect((await store.listInbound('pending')).map((i) => i.key)).toEqual(['slack:event:Ev0CRASH01']);

    const second = await startInstance(dbPath, env);
    cleanup.push(() => killed(second.child));
    const [reply] = await api.waitFor('chat.postMessage', 1, 20_000);
    expect(reply?.args['channel']).toBe('D0RESEARCH');
    expect(JSON.stringify(reply?.args['blocks'])).toContain('partner');
    expect((await store.loadConversation('slack:T0RSA:D0RESEARCH:U0RESEARCH'))?.version).toBe(1);

    // Slack's retry of the same event after the restart: acked, not answered again.
    const retry = await fetch(`${second.url}/slack/events`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout', ...sign(body) },
    });
    expect(retry.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(api.callsTo('chat.postMessage')).toHaveLength(1);
    expect(await store.listInbound('pending')).toEqual([]);
    await store.close();
  }, 60_000);
});
