// What kind of listing an entry is, from the data: FollowTheMoney topics, the `sanctions` column and
// the dataset titles of targets.simple.csv, or the kind a list declares. The advice treats each kind
// as the guideline does: a sanction is a legal matter, a risk list an indication (G:920-928).
import { HIT_KINDS, type HitKind } from '../domain/screening.js';

/** When an entry has several kinds, the first of these names it. */
const PRECEDENCE: readonly HitKind[] = ['sanction', 'export-control', 'military', 'restriction', 'debarment', 'crime', 'risk-list', 'pep', 'other'];

export function isHitKind(value: string): value is HitKind {
  return (HIT_KINDS as readonly string[]).includes(value);
}

/** The most serious of the kinds, or undefined when there are none. */
export function strongestKind(kinds: Iterable<HitKind | undefined>): HitKind | undefined {
  let best: HitKind | undefined;
  for (const k of kinds) {
    if (k !== undefined && (best === undefined || PRECEDENCE.indexOf(k) < PRECEDENCE.indexOf(best))) best = k;
  }
  return best;
}

/**
 * FollowTheMoney topic → kind (followthemoney/types/topic.py). "sanction.linked" (linked to a
 * sanctioned party, not itself designated) and "export.risk" are indications: risk-list.
 * "sanction.counter" (a counter-sanction, e.g. by Russia) says nothing against the partner: other.
 */
const TOPIC_KIND: Readonly<Record<string, HitKind>> = {
  sanction: 'sanction',
  'sanction.control': 'sanction',
  'asset.frozen': 'sanction',
  'sanction.linked': 'risk-list',
  'sanction.counter': 'other',
  'export.control': 'export-control',
  'export.control.linked': 'export-control',
  'export.risk': 'risk-list',
  debarment: 'debarment',
  'corp.disqual': 'debarment',
  mil: 'military',
  'gov.security': 'military',
  wanted: 'crime',
  'role.pep': 'pep',
  'role.rca': 'pep',
  poi: 'risk-list',
  'invest.ban': 'risk-list',
  'invest.risk': 'risk-list',
  'reg.action': 'risk-list',
};

function kindOfTopic(topic: string): HitKind | undefined {
  const known = TOPIC_KIND[topic];
  if (known) return known;
  if (topic === 'crime' || topic.startsWith('crime.')) return 'crime';
  return undefined;
}

export function kindFromTopics(topics: readonly string[]): HitKind | undefined {
  return strongestKind(topics.map(kindOfTopic));
}

/** Words in a dataset title or a sanction description that say what kind of list it is. */
const TITLE_RULES: ReadonlyArray<{ kind: HitKind; pattern: RegExp }> = [
  { kind: 'debarment', pattern: /debar|ineligib|\bexclu(ded|sion)|disqualif|cross.?debar/ },
  { kind: 'export-control', pattern: /entity list|export.?control|denied persons|end.?user|unverified list|dual.?use|non.?proliferation|\bbis\b/ },
  { kind: 'military', pattern: /military|1260h|defen[cs]e compan/ },
  { kind: 'sanction', pattern: /sanction|designat|asset.?free|frozen|\bsdn\b|consolidated list|restrictive measures/ },
  { kind: 'crime', pattern: /wanted|warrant|\bcrim|interpol|fugitive|terroris/ },
  { kind: 'pep', pattern: /\bpeps?\b|politically exposed|politician|heads? of state|parliament|legislat|\bcabinet\b/ },
];

/** The kinds a dataset title or a sanction text names ("US BIS Entity List", "World Bank Debarred Firms"). */
export function kindsFromTitle(text: string): HitKind[] {
  const lower = text.toLowerCase();
  return TITLE_RULES.filter((r) => r.pattern.test(lower)).map((r) => r.kind);
}
