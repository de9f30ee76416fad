// Settings come from the environment or .env, are checked with zod at start, and a bad value stops
// the server with a message that names the setting and says what is expected.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/serve.js';
import { ConfigError, loadConfig, loadInstitutions, readEnv } from '../../src/config/index.js';
import { loadContent } from '../../src/content/load.js';

function problems(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return '';
}

describe('loadConfig', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3978);
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.DATA_DIR).toBe('./data');
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.INSTITUTIONS_FILE).toBe('config/institutions.yaml');
  });

  it('names the setting, what is expected and what it got', () => {
    expect(problems({ PORT: 'abc' })).toBe('Configuration error: PORT must be a whole number from 1 to 65535 (got "abc")');
    expect(problems({ PORT: '70000' })).toContain('PORT must be a whole number from 1 to 65535 (got "70000")');
    expect(problems({ LOG_LEVEL: 'loud' })).toContain('LOG_LEVEL must be one of: fatal, error, warn, info, debug, trace, silent (got "loud")');
    expect(problems({ DEFAULT_LANG: 'fr' })).toContain('DEFAULT_LANG must be one of: en, nl');
    expect(problems({ PUBLIC_URL: 'advisor.example' })).toContain('PUBLIC_URL must be a full http(s) address');
  });

  it('reports every bad setting at once, from every part of the configuration', () => {
    const message = problems({ PORT: 'x', OUTBOX_MAX_ATTEMPTS: 'many', SLACK_ALLOWED_TEAMS: 'lower' });
    expect(message.split('\n')).toHaveLength(3);
    expect(message).toContain('OUTBOX_MAX_ATTEMPTS');
    expect(message).toContain('SLACK_ALLOWED_TEAMS');
  });

  it('treats a blank value as unset, so a copy of .env.example starts as is', () => {
    const config = loadConfig(readEnv({ ENV_FILE: '.env.example' }));
    expect(config.PORT).toBe(3978);
    expect(config.MicrosoftAppType).toBeUndefined();
  });

  it('reads .env, and the process environment wins over it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'advisor-env-'));
    writeFileSync(join(dir, '.env'), 'PORT=4100\nLOG_LEVEL=debug\n');
    const config = loadConfig(readEnv({ LOG_LEVEL: 'warn' }, dir));
    expect(config.PORT).toBe(4100);
    expect(config.LOG_LEVEL).toBe('warn');
  });
});

describe('the inbox token rule', () => {
  it('refuses a non-loopback HOST without INBOX_TOKEN', () => {
    expect(problems({ HOST: '0.0.0.0' })).toContain('INBOX_TOKEN must be set when HOST is not a loopback address (HOST is "0.0.0.0")');
    expect(problems({ HOST: '192.168.1.20' })).toContain('INBOX_TOKEN');
  });

  it('accepts loopback addresses without a token, and any address with one', () => {
    expect(problems({ HOST: '127.0.0.1' })).toBe('');
    expect(problems({ HOST: 'localhost' })).toBe('');
    expect(problems({ HOST: '::1' })).toBe('');
    expect(problems({ HOST: '0.0.0.0', INBOX_TOKEN: 'a-long-random-token-123' })).toBe('');
  });

  it('refuses a short token and never echoes it', () => {
    const message = problems({ HOST: '0.0.0.0', INBOX_TOKEN: 'hunter2' });
    expect(message).toContain('INBOX_TOKEN must be at least 16 characters');
    expect(message).not.toContain('hunter2');
  });
});

describe('advisor serve', () => {
  async function serve(env: Record<string, string>): Promise<{ code: number; stderr: string }> {
    const stderr = new PassThrough();
    let text = '';
    stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const code = await run([], { stdout: new PassThrough(), stderr, stdin: new PassThrough(), env: { ENV_FILE: '/nonexistent/.env', ...env } });
    return { code, stderr: text };
  }

  it('stops with exit code 1 and the message when a setting is bad', async () => {
    const result = await serve({ PORT: 'abc' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Configuration error: PORT must be a whole number from 1 to 65535 (got "abc")');
  });

  it('refuses to start on 0.0.0.0 without INBOX_TOKEN', async () => {
    const result = await serve({ HOST: '0.0.0.0' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('INBOX_TOKEN must be set');
  });
});

describe('institutions file', () => {
  const content = loadContent();
  const contactPoints = content.reference.contactPoints;

  function file(text: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'advisor-inst-'));
    const path = join(dir, 'institutions.yaml');
    writeFileSync(path, text);
    return path;
  }

  it('the default file routes every institution to the inbox', () => {
    const institutions = loadInstitutions('config/institutions.yaml', contactPoints);
    expect(institutions.routing.map((r) => r.id).sort()).toEqual(contactPoints.map((c) => c.id).sort());
    expect(institutions.routing.every((r) => r.inbox && !r.slack && !r.teams)).toBe(true);
  });

  it('adds channels and overrides addresses', () => {
    const path = file(`institutions:
  - id: kuleuven
    slack: { channelId: C0123ABCD }
    teams: { serviceUrl: "https://smba.trafficmanager.net/emea/", conversationId: "19:abc@thread.tacv2" }
    contactPoints: { slack: [U0001] }
    emails: { exportControl: export@example.be }
`);
    const kul = loadInstitutions(path, contactPoints).byId.get('kuleuven');
    expect(kul?.routing.slack).toEqual({ channelId: 'C0123ABCD' });
    expect(kul?.routing.teams?.conversationId).toBe('19:abc@thread.tacv2');
    expect(kul?.contactPointIds.slack).toEqual(['U0001']);
    expect(kul?.contactPoint.emails.exportControl).toBe('export@example.be');
    // Addresses the file does not mention stay as the guideline gives them.
    expect(kul?.contactPoint.emails.main).toBe(contactPoints.find((c) => c.id === 'kuleuven')?.emails.main);
  });

  it('names an unknown institution and the ids that exist', () => {
    const path = file('institutions:\n  - id: kuleven\n');
    expect(() => loadInstitutions(path, contactPoints)).toThrow(/"kuleven" is not in content\/contact-points.yaml \(use one of: .*kuleuven/);
  });

  it('names the field of a bad value', () => {
    const path = file('institutions:\n  - id: ugent\n    slack: { channelId: general }\n');
    expect(() => loadInstitutions(path, contactPoints)).toThrow(/INSTITUTIONS_FILE .*institutions\[0\]\.slack\.channelId: Slack ids/);
  });
});
