// The router's model: trained from the example utterances at start, offline and deterministically,
// and cached (in memory, and on disk keyed by a hash of everything it is trained from).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PlaybookId } from '../domain/ids.js';
import { analyse } from './analyse.js';
import { fitTemperature, logits, train, type LinearModel } from './classifier.js';
import { loadExamples } from './examples.js';
import { extractFacts } from './extract.js';
import { FEATURE_DIM, featurize, type SparseVector } from './features.js';
import type { Lexicon } from './lexicon.js';

/** Bump when features or training change, so that no stale cache is used. */
const MODEL_VERSION = 'router-13';

/** The classes: the playbooks that have examples, in file order, then off-topic (null). */
function classesOf(examples: ReadonlyArray<{ playbook: PlaybookId | null }>): Array<PlaybookId | null> {
  const ids: PlaybookId[] = [];
  for (const e of examples) if (e.playbook !== null && !ids.includes(e.playbook)) ids.push(e.playbook);
  return [...ids, null];
}

export interface RouterModel {
  linear: LinearModel;
  /** The playbook of each class; the last, null, is off-topic. */
  classes: Array<PlaybookId | null>;
  temperature: number;
  /** Held-out accuracy over the folds of the examples, for the eval report. */
  heldOutAccuracy: number;
  examples: number;
  key: string;
}

const memory = new Map<string, RouterModel>();

function vectorOf(lexicon: Lexicon, text: string): SparseVector {
  const a = analyse(lexicon, text);
  return featurize(lexicon, a, extractFacts(lexicon, a));
}

function cacheDir(): string {
  return process.env['ROUTER_CACHE_DIR'] ?? join(tmpdir(), `advisor-router-${process.getuid?.() ?? 'user'}`);
}

function serialise(m: RouterModel): Buffer {
  const rows: number[] = [];
  const K = m.linear.classes;
  for (let i = 0; i < m.linear.dim; i++) {
    for (let k = 0; k < K; k++) {
      if (m.linear.weights[i * K + k] !== 0) {
        rows.push(i);
        break;
      }
    }
  }
  const head = Buffer.from(
    JSON.stringify({
      key: m.key,
      playbooks: m.classes,
      temperature: m.temperature,
      heldOutAccuracy: m.heldOutAccuracy,
      examples: m.examples,
      classes: K,
      dim: m.linear.dim,
      rows: rows.length,
    }),
  );
  const index = new Int32Array(rows);
  const w = new Float32Array(rows.length * K);
  rows.forEach((r, j) => w.set(m.linear.weights.subarray(r * K, r * K + K), j * K));
  const len = Buffer.alloc(4);
  len.writeUInt32LE(head.length);
  return Buffer.concat([len, head, Buffer.from(index.buffer), Buffer.from(w.buffer)]);
}

function deserialise(buf: Buffer, key: string): RouterModel | undefined {
  const headLength = buf.readUInt32LE(0);
  const head = JSON.parse(buf.subarray(4, 4 + headLength).toString('utf8')) as Record<string, unknown>;
  if (head['key'] !== key) return undefined;
  const K = Number(head['classes']);
  const dim = Number(head['dim']);
  const rows = Number(head['rows']);
  const start = 4 + headLength;
  const index = new Int32Array(buf.buffer.slice(buf.byteOffset + start, buf.byteOffset + start + rows * 4));
  const w = new Float32Array(buf.buffer.slice(buf.byteOffset + start + rows * 4, buf.byteOffset + start + rows * 4 + rows * K * 4));
  const weights = new Float32Array(dim * K);
  index.forEach((r, j) => weights.set(w.subarray(j * K, j * K + K), r * K));
  return {
    classes: head['playbooks'] as unknown as Array<PlaybookId | null>,
    linear: { classes: K, dim, weights },
    temperature: Number(head['temperature']),
    heldOutAccuracy: Number(head['heldOutAccuracy']),
    examples: Number(head['examples']),
    key,
  };
}

function fit(lexicon: Lexicon, key: string): RouterModel {
  const { router } = lexicon.content;
  const { examples } = loadExamples(lexicon.content.examplesDir);
  const classes = classesOf(examples);
  const xs = examples.map((e) => vectorOf(lexicon, e.text));
  const ys = examples.map((e) => classes.indexOf(e.playbook));
  // Held-out folds (every folds-th example of each class): their logits fit the temperature.
  const heldOut: Array<{ z: Float64Array; y: number }> = [];
  const seenPerClass = new Map<number, number>();
  const foldOf = ys.map((y) => {
    const n = seenPerClass.get(y) ?? 0;
    seenPerClass.set(y, n + 1);
    return n % router.folds;
  });
  let right = 0;
  // The folds only estimate the temperature and the held-out accuracy: one training order each is enough,
  // and it halves the cold training time.
  const foldTraining = { ...router.training, moreSeeds: [] };
  for (let f = 0; f < router.folds; f++) {
    const trainIdx = xs.map((_, i) => i).filter((i) => foldOf[i] !== f);
    const m = train(
      trainIdx.map((i) => xs[i] as SparseVector),
      trainIdx.map((i) => ys[i] as number),
      classes.length,
      FEATURE_DIM,
      foldTraining,
    );
    xs.forEach((x, i) => {
      if (foldOf[i] !== f) return;
      const z = logits(m, x);
      heldOut.push({ z, y: ys[i] as number });
      let best = 0;
      for (let k = 1; k < z.length; k++) if ((z[k] ?? 0) > (z[best] ?? 0)) best = k;
      if (best === ys[i]) right++;
    });
  }
  const linear = train(xs, ys, classes.length, FEATURE_DIM, router.training);
  return { linear, classes, temperature: fitTemperature(heldOut), heldOutAccuracy: right / xs.length, examples: xs.length, key };
}

/** The model for this content: from memory, from the disk cache, or trained now. */
export function routerModel(lexicon: Lexicon): RouterModel {
  const { source } = loadExamples(lexicon.content.examplesDir);
  // What is trained from, not where it lives: a copy of the content elsewhere (a test overlay, the
  // compiled server's snapshot) reuses the same weights.
  const { examplesDir: _where, ...trainedFrom } = lexicon.content;
  const key = createHash('sha256').update(MODEL_VERSION).update(JSON.stringify(trainedFrom)).update(source).digest('hex');
  const cached = memory.get(key);
  if (cached) return cached;
  const file = join(cacheDir(), `${key.slice(0, 32)}.bin`);
  let model: RouterModel | undefined;
  try {
    model = deserialise(readFileSync(file), key);
  } catch {
    model = undefined;
  }
  if (!model) {
    model = fit(lexicon, key);
    try {
      mkdirSync(cacheDir(), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, serialise(model));
      renameSync(tmp, file);
    } catch {
      // A read-only disk only costs the training time at the next start.
    }
  }
  memory.set(key, model);
  return model;
}
