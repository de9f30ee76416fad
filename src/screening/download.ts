// Keeps the OpenSanctions exports current: fetches each dataset's index.json, downloads the export
// it names, checks its SHA-1 checksum and size, checks that it loads, and only then swaps it in
// (temp file + rename, in the same folder), with its index.json beside it for the date.
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { z } from 'zod';
import type { OpenSanctionsSource } from './config.js';
import { loadDataset } from './datasets.js';

const resourceSchema = z
  .object({ name: z.string(), url: z.string().optional(), checksum: z.string().optional(), size: z.number().int().nonnegative().optional() })
  .passthrough();
const indexSchema = z
  .object({
    name: z.string().optional(),
    title: z.string().optional(),
    version: z.string().optional(),
    updated_at: z.string().optional(),
    last_export: z.string().optional(),
    resources: z.array(resourceSchema).default([]),
  })
  .passthrough();
type DatasetIndex = z.infer<typeof indexSchema>;

export type UpdateOutcome =
  | { name: string; status: 'updated'; path: string; bytes: number; entities: number; date: string; version?: string; seconds: number }
  | { name: string; status: 'current'; path: string; version?: string }
  | { name: string; status: 'failed'; error: string };

export interface UpdateOptions {
  fetch?: typeof fetch;
  /** Per request, for the index and for the download's first byte. */
  timeoutMs?: number;
  /** Download even when the local copy has the same checksum. */
  force?: boolean;
}

class UpdateError extends Error {}

async function get(url: string, options: UpdateOptions): Promise<Response> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 30_000), redirect: 'follow' });
  } catch (error) {
    throw new UpdateError(`cannot reach ${url}: ${(error as Error).message}`);
  }
  if (!response.ok) throw new UpdateError(`${url} answered ${response.status} ${response.statusText}`);
  return response;
}

function readLocalIndex(path: string): DatasetIndex | undefined {
  const file = join(dirname(path), 'index.json');
  if (!existsSync(file)) return undefined;
  try {
    const parsed = indexSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Downloads one dataset; the file in place is only replaced by a complete, checked, loadable one. */
export async function updateDataset(source: OpenSanctionsSource, options: UpdateOptions = {}): Promise<UpdateOutcome> {
  const started = performance.now();
  const dir = dirname(source.path);
  const temp = join(dir, `.${process.pid}-${Date.now()}-${basename(source.path)}`);
  const tempIndex = join(dir, `.${process.pid}-${Date.now()}-index.json`);
  try {
    const indexResponse = await get(source.indexUrl, options);
    let raw: unknown;
    try {
      raw = await indexResponse.json();
    } catch {
      throw new UpdateError(`${source.indexUrl} is not JSON`);
    }
    const parsed = indexSchema.safeParse(raw);
    if (!parsed.success) throw new UpdateError(`${source.indexUrl} is not a dataset index`);
    const index = parsed.data;
    const resource = index.resources.find((r) => r.name === source.file);
    if (!resource) throw new UpdateError(`${source.indexUrl} lists no ${source.file}`);
    const local = readLocalIndex(source.path)?.resources.find((r) => r.name === source.file);
    if (
      !options.force &&
      existsSync(source.path) &&
      resource.checksum !== undefined &&
      local?.checksum === resource.checksum &&
      (resource.size === undefined || statSync(source.path).size === resource.size)
    ) {
      return { name: source.name, status: 'current', path: source.path, ...(index.version ? { version: index.version } : {}) };
    }

    const url = new URL(resource.url ?? source.file, source.indexUrl).toString();
    const response = await get(url, options);
    if (!response.body) throw new UpdateError(`${url} sent no body`);
    mkdirSync(dir, { recursive: true });
    const hash = createHash('sha1');
    let bytes = 0;
    const body = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
    body.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      bytes += chunk.length;
    });
    await pipeline(body, createWriteStream(temp));
    const checksum = hash.digest('hex');
    const expectedSize = resource.size ?? Number(response.headers.get('content-length') ?? NaN);
    if (resource.checksum !== undefined && resource.checksum.toLowerCase() !== checksum) {
      throw new UpdateError(`${url}: checksum ${checksum} is not the published ${resource.checksum}; the file in place is kept`);
    }
    if (Number.isFinite(expectedSize) && expectedSize !== bytes) {
      throw new UpdateError(`${url}: ${bytes} bytes received, ${expectedSize} expected; the file in place is kept`);
    }
    if (bytes === 0) throw new UpdateError(`${url} is empty; the file in place is kept`);

    // A file that does not load would take screening down at the next reload: check it first.
    const loaded = loadDataset({ path: temp, format: source.file.endsWith('.csv') ? 'opensanctions-csv' : 'ftm-jsonl' });
    if (loaded.entities.length === 0) throw new UpdateError(`${url} holds no entities; the file in place is kept`);

    const date = (index.last_export ?? index.updated_at ?? loaded.date).slice(0, 10);
    const kept = { ...index, resources: index.resources.map((r) => (r.name === source.file ? { ...r, checksum, size: bytes } : r)) };
    writeFileSync(tempIndex, `${JSON.stringify(kept, null, 2)}\n`);
    renameSync(temp, source.path);
    renameSync(tempIndex, join(dir, 'index.json'));
    return {
      name: source.name,
      status: 'updated',
      path: source.path,
      bytes,
      entities: loaded.entities.length,
      date,
      ...(index.version ? { version: index.version } : {}),
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } catch (error) {
    rmSync(temp, { force: true });
    rmSync(tempIndex, { force: true });
    return { name: source.name, status: 'failed', error: (error as Error).message };
  }
}
