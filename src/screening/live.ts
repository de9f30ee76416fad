// A screener that a running server keeps current: when a dataset file is swapped (by
// `advisor datasets update`) or on SIGHUP, a new index is built while the old one keeps answering,
// then the two are swapped. A build that fails leaves the old index in place.
import { unwatchFile, watchFile, type Stats } from 'node:fs';
import type { HitKind, ScreenedList, Screener, ScreeningResult } from '../engine/types.js';
import { daysBetween, type ListScreener } from './screener.js';

export type LiveEvent = { type: 'reloaded'; ms: number; lists: ScreenedList[] } | { type: 'reload-failed'; error: string };

export interface LiveScreenerOptions {
  /** Loads the datasets and builds the index; throws when a dataset cannot be read. */
  build: () => ListScreener;
  /** Files whose change triggers a reload (they may not exist yet). */
  paths: string[];
  /** How often the files are looked at; 0 watches nothing (reload() or SIGHUP only). */
  intervalMs: number;
  clock: () => Date;
  onEvent?: (event: LiveEvent) => void;
  /** A swap writes the data file and then its index.json: wait this long for both. */
  settleMs?: number;
}

export interface ScreeningStatus {
  loadedAt: string;
  lists: Array<ScreenedList & { ageDays: number }>;
  missing: HitKind[];
  lastReloadError?: string;
}

export interface LiveScreener {
  screener: Screener;
  current(): ListScreener;
  /** Builds a new index and swaps it in; resolves false (old index kept) when the build fails. */
  reload(): Promise<boolean>;
  status(): ScreeningStatus;
  stop(): void;
}

const today = (clock: () => Date): string => clock().toISOString().slice(0, 10);

export function startLiveScreener(options: LiveScreenerOptions): LiveScreener {
  let current = options.build();
  let loadedAt = options.clock().toISOString();
  let lastError: string | undefined;
  let running: Promise<boolean> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  const buildOnce = async (): Promise<boolean> => {
    // Let the request in flight finish first: the build itself holds the thread.
    await new Promise((r) => setImmediate(r));
    const started = performance.now();
    try {
      const next = options.build();
      next.atDay(today(options.clock));
      current = next;
      loadedAt = options.clock().toISOString();
      lastError = undefined;
      options.onEvent?.({ type: 'reloaded', ms: Math.round(performance.now() - started), lists: next.lists });
      return true;
    } catch (error) {
      lastError = (error as Error).message;
      options.onEvent?.({ type: 'reload-failed', error: lastError });
      return false;
    }
  };

  const reload = (): Promise<boolean> => {
    if (running) {
      // A change during a build: build once more afterwards, with the newest files.
      again = true;
      return running;
    }
    running = (async () => {
      let ok = await buildOnce();
      while (again) {
        again = false;
        ok = await buildOnce();
      }
      return ok;
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  const changed = (now: Stats, before: Stats): void => {
    if (now.mtimeMs === before.mtimeMs && now.ino === before.ino && now.size === before.size) return;
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), options.settleMs ?? 1000);
  };
  if (options.intervalMs > 0) {
    for (const path of options.paths) watchFile(path, { interval: options.intervalMs, persistent: false }, changed);
  }

  const screener: Screener = {
    screen(name, screenOptions): ScreeningResult {
      current.atDay(today(options.clock));
      return current.screen(name, screenOptions);
    },
  };

  return {
    screener,
    current: () => current,
    reload,
    status: () => {
      const day = today(options.clock);
      current.atDay(day);
      return {
        loadedAt,
        lists: current.lists.map((l) => ({ ...l, ageDays: l.date ? daysBetween(l.date, day) : -1 })),
        missing: current.missing,
        ...(lastError ? { lastReloadError: lastError } : {}),
      };
    },
    stop: () => {
      clearTimeout(timer);
      for (const path of options.paths) unwatchFile(path, changed);
    },
  };
}
