// CASE_RETENTION_DAYS: once an hour, closed cases not changed for that many days are deleted with their
// history and deliveries, and so are finished deliveries that old. Off (0) by default: the institution
// decides how long cases are kept.
import type { Logger } from 'pino';
import type { CaseRetention } from '../store/retention-cases.js';

const DAY_MS = 86_400_000;

export function createCaseRetentionSweeper(deps: { retention: CaseRetention; days: number; clock: () => Date; logger: Logger; intervalMs?: number }) {
  let timer: NodeJS.Timeout | undefined;
  async function runOnce(): Promise<{ cases: number; jobs: number }> {
    const before = new Date(deps.clock().getTime() - deps.days * DAY_MS).toISOString();
    const result = await deps.retention.expireCases(before);
    deps.logger.info({ ...result, caseRetentionDays: deps.days }, 'case retention sweep');
    return result;
  }
  return {
    runOnce,
    start() {
      if (timer || deps.days <= 0) return;
      const sweep = (): void =>
        void runOnce().catch((error: unknown) => deps.logger.error({ err: error instanceof Error ? error.name : 'error' }, 'case retention sweep failed'));
      sweep();
      timer = setInterval(sweep, deps.intervalMs ?? 3_600_000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await deps.retention.close();
    },
  };
}
