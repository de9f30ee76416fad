// `advisor content review [--out FILE.html] [--lang en|nl] [--pdf]`: one document for contact points to sign
// off, listing every playbook path, the outcome it reaches and the rule of content/rules.yaml that set its risk.
import { pick } from '../../domain/lang.js';
import { writeFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { Lang } from '../../engine/ids.js';
import { createAdvisorEngine } from '../../runtime/engine.js';
import type { CliIO } from '../io.js';
import { reviewPaths, type ReviewedPath } from './review-paths.js';

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Section {
  id: string;
  title: string;
  paths: ReviewedPath[];
}

function html(sections: Section[], lang: Lang): string {
  const out: string[] = [
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Research Security Advisor: advice review</title>`,
    '<style>body{font:14px/1.4 system-ui,sans-serif;margin:2em}table{border-collapse:collapse;width:100%;margin-bottom:2em}td,th{border:1px solid #ccc;padding:4px 6px;vertical-align:top}th{background:#f2f2f2}.high{color:#b00020}.medium{color:#a15c00}.low{color:#1b6e20}ol{margin:0;padding-left:1.2em}</style></head><body>',
    '<h1>Advice review: every playbook path</h1>',
    '<p>Each row is one distinct route through a playbook: the answers given, the risk, the rule of <code>content/rules.yaml</code> (or of the playbook) that set it, the headline, whether the contact point is required, offered or not involved, the duties and the open points. Sign off by playbook.</p>',
  ];
  for (const s of sections) {
    out.push(`<h2 id="${escapeHtml(s.id)}">${escapeHtml(s.title)} <small>(${s.paths.length} paths)</small></h2>`);
    out.push('<table><tr><th>#</th><th>Answers</th><th>Risk and rule</th><th>Headline</th><th>Contact point</th><th>Duties</th><th>Open points</th></tr>');
    s.paths.forEach((p, i) => {
      const o = p.outcome;
      out.push(
        `<tr><td>${i + 1}</td><td><ol>${p.answers.map((a) => `<li>${escapeHtml(a.question)} — <b>${escapeHtml(a.answer)}</b></li>`).join('')}</ol></td>` +
          `<td class="${o.risk}"><b>${escapeHtml(o.riskLabel)}</b><br><code>${escapeHtml(o.riskBasis?.rule ?? '')}</code><br>${escapeHtml(o.riskBasis?.text ?? '')}</td>` +
          `<td>${escapeHtml(o.headline)}</td><td>${escapeHtml(o.escalation)}</td>` +
          `<td>${o.duties.map((d) => escapeHtml(d.id)).join('<br>')}</td><td>${o.openPoints.map((d) => escapeHtml(d.id)).join('<br>')}</td></tr>`,
      );
    });
    out.push('</table>');
  }
  out.push('</body></html>');
  return out.join('\n');
}

/** pdfkit's Helvetica covers Latin-1; anything else becomes "?". */
const latin1 = (s: string): string =>
  [...s]
    .map((ch) => ((ch.codePointAt(0) ?? 0) <= 0xff ? ch : ch === '—' || ch === '–' ? '-' : ch === '“' || ch === '”' ? '"' : ch === '’' ? "'" : '?'))
    .join('');

function pdf(sections: Section[], file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 40, info: { Title: 'Advice review' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('error', reject);
    doc.on('end', () => {
      writeFileSync(file, Buffer.concat(chunks));
      resolve();
    });
    doc.fontSize(16).text('Advice review: every playbook path');
    for (const s of sections) {
      doc
        .addPage()
        .fontSize(14)
        .text(latin1(`${s.title} (${s.paths.length} paths)`));
      s.paths.forEach((p, i) => {
        const o = p.outcome;
        doc
          .moveDown(0.5)
          .fontSize(9)
          .text(latin1(`${i + 1}. ${p.answers.map((a) => a.answer).join(' > ')}`));
        doc
          .fontSize(9)
          .text(latin1(`   ${o.riskLabel} [${o.riskBasis?.rule ?? ''}] ${o.riskBasis?.text ?? ''} | ${o.headline} | contact point: ${o.escalation}`));
      });
    }
    doc.end();
  });
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const lang: Lang = option('--lang') === 'nl' ? 'nl' : 'en';
  const file = option('--out') ?? 'advice-review.html';
  const engine = createAdvisorEngine({ today: new Date().toISOString().slice(0, 10) });
  const sections: Section[] = engine.content.playbookOrder
    .filter((id) => id !== engine.content.knowledgePlaybook)
    .map((id) => ({
      id,
      title: (() => {
        const pb = engine.content.playbooks.get(id);
        return pb ? pick(pb.title, lang) : id;
      })(),
      paths: reviewPaths(engine, id, lang),
    }));
  writeFileSync(file, html(sections, lang));
  io.stdout.write(`Wrote ${file}: ${sections.reduce((n, s) => n + s.paths.length, 0)} paths in ${sections.length} playbooks.\n`);
  if (args.includes('--pdf')) {
    const pdfFile = `${file.replace(/\.html?$/, '')}.pdf`;
    await pdf(sections, pdfFile);
    io.stdout.write(`Wrote ${pdfFile}.\n`);
  }
  return 0;
}
