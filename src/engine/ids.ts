// Ids that tests, the evaluation set and content share. They are a contract.

export const PLAYBOOK_IDS = [
  'hire-military-background',
  'opaque-company',
  'sensitive-tech-partner',
  'foreign-government-commission',
  'fieldwork-abroad',
  'visiting-researcher',
  'defence-funding',
  'export-control',
  'partner-check',
  'faq',
] as const;
export type PlaybookId = (typeof PLAYBOOK_IDS)[number];

export const DOMAIN_IDS = [
  'semiconductors',
  'ai',
  'quantum',
  'biotech',
  'connectivity',
  'sensing',
  'space',
  'energy',
  'robotics',
  'materials',
] as const;
export type DomainId = (typeof DOMAIN_IDS)[number];

export const LANGS = ['en', 'nl'] as const;
export type Lang = (typeof LANGS)[number];

export const RISKS = ['low', 'medium', 'high'] as const;
export type Risk = (typeof RISKS)[number];

/** The four elements whose combination makes a risk (guideline, "What are the Risks?"). */
export const DIMENSIONS = ['topic', 'partner', 'country', 'collaboration'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const SEVERITIES = ['info', 'concern', 'serious', 'blocker'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function isPlaybookId(value: string): value is PlaybookId {
  return (PLAYBOOK_IDS as readonly string[]).includes(value);
}

export function isDomainId(value: string): value is DomainId {
  return (DOMAIN_IDS as readonly string[]).includes(value);
}

export function riskRank(risk: Risk): number {
  return RISKS.indexOf(risk);
}
