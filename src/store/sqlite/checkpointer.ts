// WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside whichever commit pushes the WAL past
// 1000 pages, and with synchronous=NORMAL it fsyncs the WAL and the database file there: that commit (say, the
// inbox write in front of a Slack ack) then blocks the event loop for milliseconds to tens of milliseconds on a busy
// disk. Here a worker thread with its own connection checkpoints instead (PASSIVE: it never blocks writers or
// readers), and the store's own connection turns its automatic checkpoint off. What a commit guarantees does not
// change: a checkpoint only copies committed pages from the WAL into the database file.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Runs in the worker (CommonJS, eval'd): one connection, a PASSIVE checkpoint every `everyMs`. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
const tick = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (err) { parentPort.postMessage({ failed: String(err && err.code || err) }); }
};
const timer = setInterval(tick, workerData.everyMs);
parentPort.on('message', (m) => { if (m === 'stop') { clearInterval(timer); tick(); db.close(); parentPort.close(); } });
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

/**
 * Starts the worker. `onLost` runs when it fails or exits early, so that the caller can switch SQLite's automatic
 * checkpoint back on rather than let the WAL grow.
 */
export function startCheckpointer(path: string, onLost: (reason: string) => void, everyMs = 500): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, driver, everyMs } });
  let stopping = false;
  worker.on('message', (m: { failed?: string }) => {
    if (m.failed) onLost(m.failed);
  });
  worker.on('error', (err) => onLost(err.name));
  worker.on('exit', () => {
    if (!stopping) onLost('exited');
  });
  // After the listeners: attaching a 'message' listener refs the worker's port again.
  worker.unref();
  return {
    stop() {
      if (stopping) return Promise.resolve();
      stopping = true;
      // Referenced again while it stops: a caller awaiting close() must keep the process alive until it has.
      worker.ref();
      return new Promise<void>((resolve) => {
        // A worker that does not close in time is ended; the store's own close checkpoints anyway.
        const deadline = setTimeout(() => void worker.terminate(), 2000);
        worker.once('exit', () => {
          clearTimeout(deadline);
          resolve();
        });
        worker.postMessage('stop');
      });
    },
  };
}
