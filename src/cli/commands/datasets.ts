// `advisor datasets update [--force] [--json]`: downloads the configured OpenSanctions exports,
// checks them and swaps them in; a running server picks them up without a restart.
// `advisor datasets status [--json]`: which datasets are in place, their dates and age.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readEnv } from '../../config/env.js';
import { datasetsDir, openSanctionsSources, screeningConfigSchema } from '../../screening/config.js';
import { updateDataset, type UpdateOutcome } from '../../screening/download.js';
import { daysBetween } from '../../screening/screener.js';
import type { CliIO } from '../io.js';

const USAGE = `usage: advisor datasets update [--force] [--json]
       advisor datasets status [--json]
Settings: SCREENING_OPENSANCTIONS_DATASETS (default "sanctions"), SCREENING_OPENSANCTIONS_URL,
SCREENING_OPENSANCTIONS_FILE, SCREENING_DATASETS_DIR (default DATA_DIR/datasets). See docs/screening.md.
`;

function settings(io: CliIO) {
  const env = readEnv(io.env);
  const parsed = screeningConfigSchema.safeParse(env);
  if (!parsed.success) return { error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  return { config: { ...parsed.data, ...(env['DATA_DIR'] ? { DATA_DIR: env['DATA_DIR'] } : {}) } };
}

function describe(o: UpdateOutcome): string {
  if (o.status === 'updated')
    return `${o.name}: updated, ${o.entities.toLocaleString('en')} entities dated ${o.date} (${(o.bytes / 2 ** 20).toFixed(1)} MiB, ${o.seconds} s) → ${o.path}`;
  if (o.status === 'current') return `${o.name}: already current${o.version ? ` (${o.version})` : ''} → ${o.path}`;
  return `${o.name}: FAILED: ${o.error}`;
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = args;
  const json = rest.includes('--json');
  const force = rest.includes('--force');
  const unknown = rest.filter((a) => a !== '--json' && a !== '--force');
  if ((command !== 'update' && command !== 'status') || unknown.length > 0) {
    io.stderr.write(`advisor datasets: ${unknown.length > 0 ? `unknown option ${unknown[0]}` : 'say update or status'}\n\n${USAGE}`);
    return 2;
  }
  const s = settings(io);
  if (!s.config) {
    io.stderr.write(`advisor datasets: ${s.error}\n`);
    return 2;
  }
  const sources = openSanctionsSources(s.config);
  if (sources.length === 0) {
    io.stderr.write(`advisor datasets: SCREENING_OPENSANCTIONS_DATASETS names no dataset\n`);
    return 2;
  }

  if (command === 'status') {
    const today = new Date().toISOString().slice(0, 10);
    const rows = sources.map((src) => {
      const present = existsSync(src.path);
      const indexFile = join(dirname(src.path), 'index.json');
      let date: string | undefined;
      if (present && existsSync(indexFile)) {
        try {
          const index = JSON.parse(readFileSync(indexFile, 'utf8')) as { last_export?: unknown; updated_at?: unknown };
          const value = typeof index.last_export === 'string' ? index.last_export : typeof index.updated_at === 'string' ? index.updated_at : undefined;
          date = value?.slice(0, 10);
        } catch {
          date = undefined;
        }
      }
      const ageDays = date ? daysBetween(date, today) : undefined;
      return {
        name: src.name,
        path: src.path,
        present,
        ...(date ? { date } : {}),
        ...(ageDays !== undefined ? { ageDays, stale: ageDays > s.config.SCREENING_STALE_DAYS } : {}),
      };
    });
    if (json) io.stdout.write(`${JSON.stringify({ dir: datasetsDir(s.config), datasets: rows })}\n`);
    else {
      for (const r of rows) {
        const age = r.ageDays !== undefined ? `, dated ${r.date}, ${r.ageDays} days old${r.stale ? ' — STALE' : ''}` : '';
        io.stdout.write(`${r.name}: ${r.present ? `in place${age}` : 'not downloaded (run `advisor datasets update`)'} → ${r.path}\n`);
      }
    }
    return rows.every((r) => r.present && !r.stale) ? 0 : 1;
  }

  const outcomes: UpdateOutcome[] = [];
  for (const source of sources) {
    if (!json) io.stderr.write(`${source.name}: fetching ${source.indexUrl}\n`);
    const outcome = await updateDataset(source, { force });
    outcomes.push(outcome);
    if (!json) io.stdout.write(`${describe(outcome)}\n`);
  }
  if (json) io.stdout.write(`${JSON.stringify({ datasets: outcomes })}\n`);
  else if (outcomes.some((o) => o.status === 'updated')) {
    io.stdout.write('A running server loads the new data within SCREENING_RELOAD_CHECK_SECONDS (or at once on SIGHUP).\n');
  }
  return outcomes.some((o) => o.status === 'failed') ? 1 : 0;
}
