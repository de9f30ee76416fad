// Facts the user gave in free text, merged into the conversation so that nothing is asked twice.
import type { ExtractedFacts, Facts, FactValue } from './types.js';

function union(a: FactValue | undefined, b: readonly string[]): string[] {
  const base = a === undefined ? [] : Array.isArray(a) ? a : [a];
  return [...new Set([...base.filter((x) => x !== 'unsure'), ...b])];
}

/** Adds what was extracted without overwriting what the user already answered. */
export function mergeExtracted(facts: Facts, extracted: ExtractedFacts): Facts {
  const next: Facts = { ...facts };
  const partner = extracted.institutions.find((i) => i.kind !== 'funder' && i.country !== 'BE');
  const countries = [...extracted.countries, ...(partner?.country ? [partner.country] : [])];
  if (countries.length) next.countries = union(next.countries, countries);
  if (extracted.domains.length) next.domains = union(next.domains, extracted.domains);
  if (extracted.funders.length) next.funders = union(next.funders, extracted.funders);
  // Where the defence money comes from, by country: a question whose answers say an origin (`funderOrigin`) reads it.
  if (extracted.defenceFunderCountries?.length) next.defenceFunders = union(next.defenceFunders, extracted.defenceFunderCountries);
  if (extracted.partnerKind && next.partnerKind === undefined) next.partnerKind = extracted.partnerKind;
  if (partner && next.partnerName === undefined) next.partnerName = partner.name;
  // A name the gazetteers don't know, taken only when it looks like an organisation's name.
  else if (extracted.unlistedPartner && next.partnerName === undefined) next.partnerName = extracted.unlistedPartner.name;
  if (extracted.homeInstitution && next.institution === undefined) next.institution = extracted.homeInstitution;
  // The co-authors' institutions, set aside as not the partner (G:128-130): an answer about them is no answer about the partner.
  if (extracted.coAuthorInstitutions?.length)
    next.coAuthors = union(
      next.coAuthors,
      extracted.coAuthorInstitutions.map((i) => i.id),
    );
  return next;
}

export function factList(value: FactValue | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
