// The facts of a conversation worth showing, as label/value pairs in its language.
import { oneLineText } from '../text/escape-markdown.js';
import type { Content } from '../content/load.js';
import type { Facts, Lang } from '../engine/types.js';
import type { Texts } from './types.js';

// Building an Intl.DisplayNames costs more than a whole turn; one per language is enough.
const regionNames = new Map<Lang, Intl.DisplayNames>();

export function countryName(code: string, lang: Lang): string {
  try {
    let names = regionNames.get(lang);
    if (!names) {
      names = new Intl.DisplayNames([lang], { type: 'region' });
      regionNames.set(lang, names);
    }
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Names for ids in facts; without them the id itself is shown (the contact point's cards). */
export interface FactNames {
  techArea?: (id: string) => string | undefined;
  institution?: (id: string) => string | undefined;
}

export function namesFromContent(content: Content, lang: Lang): FactNames {
  return {
    techArea: (id) => content.reference.techAreas.find((a) => a.id === id)?.name[lang],
    institution: (id) => content.reference.contactPoints.find((c) => c.id === id)?.name,
  };
}

function list(value: Facts[string] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export function factPairs(facts: Facts, t: Texts, lang: Lang, names: FactNames = {}): Array<{ label: string; value: string }> {
  const lines: Array<{ label: string; value: string }> = [];
  const countries = list(facts.countries).filter((c) => /^[A-Z]{2}$/.test(c));
  if (countries.length) lines.push({ label: t('engine.fact-countries'), value: countries.map((c) => `${countryName(c, lang)} (${c})`).join(', ') });
  const domains = list(facts.domains)
    .filter((d) => d !== 'unsure' && d !== 'none')
    .map((d) => names.techArea?.(d) ?? d);
  if (domains.length) lines.push({ label: t('engine.fact-domains'), value: domains.join(', ') });
  // "not sure" is an open point, never a raw value in the facts ("Partner: unsure").
  const partner = list(facts.partnerName).filter((v) => v !== 'unsure')[0];
  // A name is one line, whatever was typed: a line break in it must not start a section of its own.
  if (partner) lines.push({ label: t('engine.fact-partner'), value: oneLineText(partner) });
  const institution = list(facts.institution)[0];
  if (institution) lines.push({ label: t('engine.fact-institution'), value: names.institution?.(institution) ?? institution });
  const funders = list(facts.funders).filter((v) => v !== 'unsure');
  if (funders.length) lines.push({ label: t('engine.fact-funders'), value: funders.join(', ').toUpperCase() });
  return lines;
}
