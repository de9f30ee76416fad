// Placeholder until the reference-content loader lands; replaced by the content module.
import type { ReferenceContent } from './types.js';

export function loadReference(_contentDir: string): ReferenceContent {
  throw new Error('loadReference is not implemented yet');
}
