// GET /sources/:id — the guideline texts the advice cites, readable in the browser at the cited place.
// The texts are read once, when the routes are made; unknown ids are a 404.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Router } from 'express';
import { z } from 'zod';
import type { Content } from '../../../content/load.js';
import type { Lang } from '../../../engine/ids.js';
import { sourcePage } from './page.js';

const langQuery = z.string().regex(/^[a-z]{2}(-[a-z]{2})?$/);

export function sourcesRoutes(content: Content, defaultLang: Lang): Router {
  const router = Router();
  const pages = new Map<string, Record<Lang, string>>();
  for (const source of content.sources.values()) {
    const text = readFileSync(join(content.contentDir, source.file), 'utf8');
    const sections = [...content.sections.values()].filter((s) => s.source === source.id);
    const byLang: Record<Lang, string> = {};
    for (const { code: lang } of content.languages) {
      const contentsTitle = content.ui['document.sources']?.[lang] ?? content.ui['document.sources']?.en ?? 'Sections';
      byLang[lang] = sourcePage({ source, text, sections, lang, contentsTitle });
    }
    pages.set(source.id, byLang);
  }
  router.get('/sources/:id', (req, res) => {
    const found = pages.get(String(req.params.id));
    if (!found) {
      res.status(404).type('text').send('Not found');
      return;
    }
    const chosen = langQuery.safeParse(req.query.lang);
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.type('html').send((chosen.success ? found[chosen.data] : undefined) ?? found[defaultLang] ?? '');
  });
  return router;
}
