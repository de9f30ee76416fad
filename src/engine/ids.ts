// Ids that tests, the evaluation set and content share. They live in src/domain/; re-exported here so that
// engine code and older imports keep working.
export * from '../domain/ids.js';
export type { Lang } from '../domain/lang.js';
