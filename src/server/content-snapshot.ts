// The validated content as a compiled snapshot: `npm run build` parses and checks the YAML of content/ and
// dialogs/ once and writes it with v8.serialize to dist/content.snapshot; the compiled server reads that
// in milliseconds instead of parsing and validating half a megabyte of YAML at every start. The snapshot
// is used only by the compiled code it was built with, only for the default folders, and only while no
// file under content/ or dialogs/ is newer than it; otherwise the YAML is loaded as before.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { DEFAULT_CONTENT_DIR, DEFAULT_DIALOGS_DIR, loadContent, type Content, type LoadOptions } from '../content/load.js';
import { loadUnderstandContent } from '../understand/load.js';
import type { UnderstandContent } from '../understand/schema.js';

const here = dirname(fileURLToPath(import.meta.url));
/** dist/content.snapshot when this module runs compiled from dist/server/. */
export const SNAPSHOT_FILE = resolve(here, '..', 'content.snapshot');
const compiled = /[\\/]dist[\\/]server$/.test(here);

function newest(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = info.mtimeMs;
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)));
  return latest;
}

interface Snapshot {
  content: Content;
  understand: UnderstandContent;
}

export function writeContentSnapshot(file = SNAPSHOT_FILE): void {
  const snapshot: Snapshot = { content: loadContent(), understand: loadUnderstandContent() };
  writeFileSync(file, serialize(snapshot));
}

export type ContentSource = 'snapshot' | 'yaml';

/** The content, from the snapshot when it is valid for these options, else parsed and validated from YAML. */
export function loadContentFast(options: LoadOptions = {}): { content: Content; understand?: UnderstandContent; source: ContentSource } {
  const defaults =
    (!options.contentDir || resolve(options.contentDir) === DEFAULT_CONTENT_DIR) &&
    (!options.dialogsDir || resolve(options.dialogsDir) === DEFAULT_DIALOGS_DIR);
  if (compiled && defaults && existsSync(SNAPSHOT_FILE)) {
    const built = statSync(SNAPSHOT_FILE).mtimeMs;
    if (newest(DEFAULT_CONTENT_DIR) <= built && newest(DEFAULT_DIALOGS_DIR) <= built) {
      const snapshot = deserialize(readFileSync(SNAPSHOT_FILE)) as Snapshot;
      return { content: snapshot.content, understand: snapshot.understand, source: 'snapshot' };
    }
  }
  return { content: loadContent(options), source: 'yaml' };
}
