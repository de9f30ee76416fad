import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/types.js';
import { storeContract } from './contract.js';

let dir = '';
storeContract('SQLite', {
  async open(): Promise<Store> {
    dir = mkdtempSync(join(tmpdir(), 'advisor-store-'));
    const store = createSqliteStore({ path: join(dir, 'advisor.db') });
    await store.migrate();
    return store;
  },
  async openPeer() {
    const store = createSqliteStore({ path: join(dir, 'advisor.db') });
    await store.migrate();
    return store;
  },
  async dispose() {
    rmSync(dir, { recursive: true, force: true });
  },
});
