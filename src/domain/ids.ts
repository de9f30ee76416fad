// Ids and small value types that every layer shares: content, store, screening, understanding and the engine.
// They are a contract. Playbook ids and languages are open strings: the loaded content says which exist.

/** A playbook id: the `id` of a file in dialogs/. Validated against the loaded content at every edge. */
export type PlaybookId = string;

export const DOMAIN_IDS = ['semiconductors', 'ai', 'quantum', 'biotech', 'connectivity', 'sensing', 'space', 'energy', 'robotics', 'materials'] as const;
export type DomainId = (typeof DOMAIN_IDS)[number];

export const RISKS = ['low', 'medium', 'high'] as const;
export type Risk = (typeof RISKS)[number];

/** The four elements whose combination makes a risk (guideline, "What are the Risks?"). */
export const DIMENSIONS = ['topic', 'partner', 'country', 'collaboration'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const SEVERITIES = ['info', 'concern', 'serious', 'blocker'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The flag raised when a question is answered "not sure" is this prefix plus the fact name. */
export const UNSURE_PREFIX = 'unsure-';

export function riskRank(risk: Risk): number {
  return RISKS.indexOf(risk);
}

/** The shape of a playbook id (lower-case words joined by hyphens); whether it exists is the content's say. */
export const PLAYBOOK_ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
