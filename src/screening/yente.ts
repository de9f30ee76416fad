// yente, the OpenSanctions matcher, for institutions that already run it: its /match API asked
// asynchronously with a time budget, its results merged with the local lists. A timeout or an
// error is said as "not checked", never as "no hit".
//
// The engine is pure and screens synchronously, so yente is asked before it: YenteScreener is the
// engine's Screener, answering from the local lists plus what yente said for that name. A name yente
// has not been asked about yet is recorded; the conversation service asks yente for those names
// (prefetch, within the budget) and runs the same engine step again, which is deterministic.
import { z } from 'zod';
import type { Lang } from '../domain/lang.js';
import type { HitKind, ScreenedList, Screener, ScreeningHit, ScreeningResult } from '../domain/screening.js';
import { kindFromTopics, kindsFromTitle, strongestKind } from './kinds.js';
import type { ScreeningConfig } from './config.js';
import { defaultScreeningTexts, fill, type ScreeningTexts } from './texts.js';

export interface YenteOptions {
  /** The yente base address, e.g. https://yente.example.edu */
  url: string;
  /** The dataset or collection to match against (yente's /match/{dataset}). */
  dataset: string;
  /** How long one screening may wait for yente. */
  budgetMs: number;
  /** Sent as "Authorization: ApiKey ..." (yente behind the OpenSanctions API, or a proxy). */
  apiKey?: string;
  fetch?: typeof fetch;
  lang?: Lang;
  texts?: ScreeningTexts;
  /** How long an answer is reused for the same name, in ms. */
  cacheMs?: number;
  clock?: () => number;
}

// yente's response: EntityMatchResponse → responses[key] = EntityMatches (yente/data/common.py).
const scoredEntity = z
  .object({
    id: z.string(),
    caption: z.string(),
    schema: z.string(),
    properties: z.record(z.string(), z.array(z.unknown())).default({}),
    datasets: z.array(z.string()).default([]),
    score: z.number(),
    match: z.boolean().default(false),
    last_change: z.string().nullable().optional(),
  })
  .passthrough();
const matchResponse = z
  .object({
    responses: z.record(z.string(), z.object({ status: z.number().default(200), results: z.array(scoredEntity).default([]) }).passthrough()),
  })
  .passthrough();

type Answer = { hits: ScreeningHit[]; date: string } | { failed: 'timeout' | 'error'; error?: string };

const strings = (values: unknown[] | undefined): string[] => (values ?? []).filter((v): v is string => typeof v === 'string');

export class YenteClient {
  readonly listId: string;
  readonly listName: string;
  private readonly texts: ScreeningTexts;
  private readonly lang: Lang;

  constructor(private readonly options: YenteOptions) {
    this.listId = `yente-${options.dataset}`;
    this.listName = `yente (${options.dataset})`;
    this.texts = options.texts ?? defaultScreeningTexts();
    this.lang = options.lang ?? 'en';
  }

  /** One /match request for a name, within the budget. */
  async match(name: string, country: string | undefined, limit = 5): Promise<Answer> {
    const doFetch = this.options.fetch ?? fetch;
    const url = new URL(`match/${encodeURIComponent(this.options.dataset)}`, this.options.url.endsWith('/') ? this.options.url : `${this.options.url}/`);
    url.searchParams.set('limit', String(limit));
    const body = {
      queries: {
        q: { schema: 'LegalEntity', properties: { name: [name], ...(country ? { country: [country.toLowerCase()] } : {}) } },
      },
    };
    let response: Response;
    try {
      response = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.options.apiKey ? { authorization: `ApiKey ${this.options.apiKey}` } : {}) },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.budgetMs),
      });
    } catch (error) {
      const name = (error as Error).name;
      return name === 'TimeoutError' || name === 'AbortError' ? { failed: 'timeout' } : { failed: 'error', error: (error as Error).message };
    }
    if (!response.ok) return { failed: 'error', error: `HTTP ${response.status}` };
    let parsed: ReturnType<typeof matchResponse.safeParse>;
    try {
      parsed = matchResponse.safeParse(await response.json());
    } catch (error) {
      return (error as Error).name === 'TimeoutError' ? { failed: 'timeout' } : { failed: 'error', error: 'not JSON' };
    }
    if (!parsed.success) return { failed: 'error', error: 'not a yente /match response' };
    const results = parsed.data.responses['q']?.results ?? [];
    let date = '';
    const hits = results.map((r): ScreeningHit => {
      const topics = strings(r.properties['topics']);
      const kind: HitKind = kindFromTopics(topics) ?? strongestKind(r.datasets.flatMap((d) => kindsFromTitle(d.replace(/_/g, ' ')))) ?? 'other';
      const changed = r.last_change?.slice(0, 10) ?? '';
      if (changed > date) date = changed;
      const countries = strings(r.properties['country']);
      return {
        list: this.listId,
        listName: this.listName,
        listDate: changed,
        id: r.id,
        name: r.caption,
        matched: r.caption,
        score: Math.round(r.score * 1000) / 1000,
        match: r.match,
        why: fill(this.texts.remote.why, this.lang, { schema: r.schema, caption: r.caption, score: r.score.toFixed(2) }),
        kind,
        ...(countries.length > 0 ? { country: countries.map((c) => c.toUpperCase()).join(';') } : {}),
        ...(topics.length > 0 ? { topics } : {}),
        ...(r.datasets.length > 0 ? { source: r.datasets.join(', ') } : {}),
      };
    });
    return { hits, date };
  }

  notChecked(reason: 'timeout' | 'error' | 'pending', error?: string): NonNullable<ScreeningResult['notChecked']>[number] {
    const template = this.texts.remote[reason];
    return {
      list: this.listId,
      name: this.listName,
      reason,
      text: fill(template, this.lang, { list: this.listName, ms: this.options.budgetMs, error: error ?? '' }),
    };
  }
}

/** Merges yente's answer into a local result: hits after the local matches, yente as a list. */
function mergeRemote(local: ScreeningResult, client: YenteClient, answer: Answer | undefined, limit: number): ScreeningResult {
  if (answer === undefined) return { ...local, notChecked: [...(local.notChecked ?? []), client.notChecked('pending')] };
  if ('failed' in answer) return { ...local, notChecked: [...(local.notChecked ?? []), client.notChecked(answer.failed, answer.error)] };
  const hits = [...local.hits, ...answer.hits]
    .sort((a, b) => Number(b.match) - Number(a.match) || b.score - a.score)
    .slice(0, Math.max(limit, local.hits.length));
  const kinds = [...new Set(answer.hits.map((h) => h.kind ?? 'other'))].sort();
  const list: ScreenedList = { id: client.listId, name: client.listName, date: answer.date, stale: false, entries: answer.hits.length, kinds };
  // yente covers sanctions: once it answered, they were checked.
  const missing = (local.missing ?? []).filter((k) => k !== 'sanction');
  const checkByHand = (local.checkByHand ?? []).filter((c) => c.kind !== 'sanction');
  const merged: ScreeningResult = { query: local.query, hits, lists: [...local.lists, list] };
  if (missing.length > 0) {
    merged.missing = missing;
    merged.checkByHand = checkByHand;
  }
  if (local.notChecked) merged.notChecked = local.notChecked;
  return merged;
}

/** A timeout or an error is said once per turn, then yente is asked again. */
const FAILED_CACHE_MS = 30_000;

const keyOf = (name: string, country: string | undefined): string => `${name.trim().toLowerCase()}\u0000${country?.toLowerCase() ?? ''}`;

/** The engine's Screener with yente: local lists at once, yente's answers as prefetched. */
export class YenteScreener implements Screener {
  private readonly answers = new Map<string, { answer: Answer; at: number }>();
  private missed = new Map<string, { name: string; country: string | undefined }>();
  private readonly clock: () => number;

  constructor(
    private readonly local: Screener,
    readonly client: YenteClient,
    private readonly options: Pick<YenteOptions, 'cacheMs' | 'clock'> = {},
  ) {
    this.clock = options.clock ?? Date.now;
  }

  screen(name: string, options: { country?: string; limit?: number } = {}): ScreeningResult {
    const local = this.local.screen(name, options);
    const key = keyOf(name, options.country);
    const known = this.answers.get(key);
    const keepFor = known && 'failed' in known.answer ? FAILED_CACHE_MS : (this.options.cacheMs ?? 10 * 60_000);
    const fresh = known && this.clock() - known.at <= keepFor ? known.answer : undefined;
    if (!fresh) this.missed.set(key, { name, country: options.country });
    return mergeRemote(local, this.client, fresh, options.limit ?? 10);
  }

  /** The names screened since the last call that yente has not answered for. */
  takeMissed(): Array<{ name: string; country: string | undefined }> {
    const out = [...this.missed.values()];
    this.missed = new Map();
    return out;
  }

  /** Asks yente about these names, in parallel, each within the budget; failures are remembered as such. */
  async prefetch(names: Array<{ name: string; country: string | undefined }>): Promise<void> {
    await Promise.all(
      names.map(async ({ name, country }) => {
        const answer = await this.client.match(name, country);
        this.answers.set(keyOf(name, country), { answer, at: this.clock() });
      }),
    );
  }

  /** Local lists and yente together, asynchronously: for `advisor screen` and batch screening. */
  async screenAsync(name: string, options: { country?: string; limit?: number } = {}): Promise<ScreeningResult> {
    await this.prefetch([{ name, country: options.country }]);
    const result = this.screen(name, options);
    this.missed.delete(keyOf(name, options.country));
    return result;
  }
}

/** The yente screener the settings ask for (SCREENING_YENTE_URL and friends), around the local lists; undefined without a URL. */
export function yenteFromConfig(
  config: Pick<ScreeningConfig, 'SCREENING_YENTE_URL' | 'SCREENING_YENTE_DATASET' | 'SCREENING_YENTE_BUDGET_MS' | 'SCREENING_YENTE_API_KEY'>,
  local: Screener,
  lang?: Lang,
): YenteScreener | undefined {
  if (!config.SCREENING_YENTE_URL) return undefined;
  const client = new YenteClient({
    url: config.SCREENING_YENTE_URL,
    dataset: config.SCREENING_YENTE_DATASET,
    budgetMs: config.SCREENING_YENTE_BUDGET_MS,
    ...(lang ? { lang } : {}),
    ...(config.SCREENING_YENTE_API_KEY ? { apiKey: config.SCREENING_YENTE_API_KEY } : {}),
  });
  return new YenteScreener(local, client);
}
