// Multinomial logistic regression over sparse hashed features, trained with AdaGrad in a fixed
// order (a seeded shuffle): the same examples always give the same weights.
import type { SparseVector } from './features.js';

export interface TrainOptions {
  epochs: number;
  learningRate: number;
  /** L2 penalty per update on the weights touched. */
  l2: number;
  seed: number;
  /** Further training orders, each trained alone, whose weights are averaged with the first. */
  moreSeeds?: readonly number[];
  /** Average the weights over the last epochs (from this fraction of the run on): one more or one
   * fewer example then no longer reshuffles which way a borderline message goes. 0: no averaging. */
  averageFrom?: number;
}

export interface LinearModel {
  classes: number;
  dim: number;
  /** dim × classes, row-major by feature. */
  weights: Float32Array;
}

/** mulberry32: a small seeded generator, for the training order only. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function logits(model: LinearModel, x: SparseVector, out = new Float64Array(model.classes)): Float64Array {
  const K = model.classes;
  out.fill(0);
  for (let j = 0; j < x.index.length; j++) {
    const base = (x.index[j] ?? 0) * K;
    const v = x.value[j] ?? 0;
    for (let k = 0; k < K; k++) out[k] = (out[k] ?? 0) + (model.weights[base + k] ?? 0) * v;
  }
  return out;
}

export function softmax(z: ArrayLike<number>, temperature = 1): number[] {
  let max = -Infinity;
  for (let k = 0; k < z.length; k++) max = Math.max(max, (z[k] ?? 0) / temperature);
  const e: number[] = [];
  let sum = 0;
  for (let k = 0; k < z.length; k++) {
    const v = Math.exp((z[k] ?? 0) / temperature - max);
    e.push(v);
    sum += v;
  }
  return e.map((v) => v / sum);
}

/** One model per training order (the seed, then moreSeeds), their weights averaged. For a linear model that
 * is the average of their logits: a bagged ensemble that costs nothing at prediction time. */
export function train(xs: readonly SparseVector[], ys: readonly number[], classes: number, dim: number, o: TrainOptions): LinearModel {
  const seeds = [o.seed, ...(o.moreSeeds ?? [])];
  const first = trainOnce(xs, ys, classes, dim, o.seed, o);
  if (seeds.length === 1) return first;
  const sum = Float64Array.from(first.weights);
  for (const seed of seeds.slice(1)) {
    const m = trainOnce(xs, ys, classes, dim, seed, o);
    for (let i = 0; i < sum.length; i++) sum[i] = (sum[i] ?? 0) + (m.weights[i] ?? 0);
  }
  for (let i = 0; i < sum.length; i++) first.weights[i] = (sum[i] ?? 0) / seeds.length;
  return first;
}

function trainOnce(xs: readonly SparseVector[], ys: readonly number[], classes: number, dim: number, seed: number, o: TrainOptions): LinearModel {
  const weights = new Float32Array(dim * classes);
  const g2 = new Float32Array(dim * classes);
  const model: LinearModel = { classes, dim, weights };
  const rand = seeded(seed);
  const order = xs.map((_, i) => i);
  const z = new Float64Array(classes);
  const averageStart = o.averageFrom && o.averageFrom > 0 ? Math.min(o.epochs - 1, Math.floor(o.epochs * o.averageFrom)) : o.epochs;
  const sum = averageStart < o.epochs ? new Float64Array(dim * classes) : undefined;
  let averaged = 0;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const t = order[i] ?? 0;
      order[i] = order[j] ?? 0;
      order[j] = t;
    }
    for (const n of order) {
      const x = xs[n];
      const y = ys[n];
      if (!x || y === undefined) continue;
      const p = softmax(logits(model, x, z));
      for (let j = 0; j < x.index.length; j++) {
        const base = (x.index[j] ?? 0) * classes;
        const v = x.value[j] ?? 0;
        for (let k = 0; k < classes; k++) {
          const w = weights[base + k] ?? 0;
          const grad = ((p[k] ?? 0) - (k === y ? 1 : 0)) * v + o.l2 * w;
          const acc = (g2[base + k] ?? 0) + grad * grad;
          g2[base + k] = acc;
          weights[base + k] = w - (o.learningRate * grad) / (Math.sqrt(acc) + 1e-8);
        }
      }
    }
    if (sum && epoch >= averageStart) {
      for (let i = 0; i < weights.length; i++) if (weights[i] !== 0) sum[i] = (sum[i] ?? 0) + (weights[i] ?? 0);
      averaged++;
    }
  }
  if (sum && averaged > 0) for (let i = 0; i < weights.length; i++) weights[i] = (sum[i] ?? 0) / averaged;
  return model;
}

/** The temperature that makes held-out probabilities honest: the least negative log-likelihood. */
export function fitTemperature(heldOut: ReadonlyArray<{ z: ArrayLike<number>; y: number }>): number {
  let best = 1;
  let bestLoss = Infinity;
  for (let t = 0.2; t <= 5.0001; t += 0.05) {
    let loss = 0;
    for (const h of heldOut) loss -= Math.log(Math.max(1e-12, softmax(h.z, t)[h.y] ?? 0));
    if (loss < bestLoss) {
      bestLoss = loss;
      best = Math.round(t * 100) / 100;
    }
  }
  return best;
}
