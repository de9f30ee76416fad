// Records that look like what the engine and the services produce.
import { freshState } from '../../src/engine/state.js';
import type { CaseDraft, ConversationState, Outcome } from '../../src/engine/types.js';
import type { CaseRecord, NewJob, TurnCommit } from '../../src/store/types.js';

export const T0 = '2025-03-01T10:00:00.000Z';

export function at(offsetMs: number): string {
  return new Date(Date.parse(T0) + offsetMs).toISOString();
}

export function state(turn: number, extra: Partial<ConversationState> = {}): ConversationState {
  return { ...freshState('en'), turn, ...extra };
}

function outcome(): Outcome {
  return {
    playbook: 'hire-military-background',
    playbookTitle: 'Hiring someone with a military background',
    risk: 'high',
    riskLabel: 'High risk',
    assessment: 'Several elements come together.',
    riskReasons: ['military university', 'sensitive technology'],
    flags: [{ id: 'seven-sons', label: 'Seven Sons university', severity: 'serious', dimension: 'partner' }],
    screening: [],
    steps: [{ id: 's1', text: 'Talk to your contact point.', cites: [{ section: 'vlir-4', title: 'Reporting', source: 'vlir' }] }],
    measures: [],
    duties: [],
    escalate: true,
    escalation: 'required',
    openPoints: [],
    links: [],
    headline: 'Not without your contact point.',
    citations: [],
  };
}

export function draft(id: string, institution = 'uhasselt'): CaseDraft {
  return {
    id,
    ref: `RS-${id.toUpperCase()}`,
    playbook: 'hire-military-background',
    lang: 'en',
    institution,
    createdAt: T0,
    facts: { country: 'CN' },
    answers: [],
    outcome: outcome(),
    summaryMarkdown: '**High risk**',
  };
}

export function caseRecord(id: string, options: { institution?: string; userId?: string; createdAt?: string } = {}): CaseRecord {
  const d = draft(id, options.institution);
  const createdAt = options.createdAt ?? T0;
  const researcher = {
    channel: 'web' as const,
    id: options.userId ?? 'u1',
    name: 'Researcher',
    conversationKey: `web:${options.userId ?? 'u1'}`,
    address: { session: 's1' },
  };
  return {
    id,
    ref: d.ref,
    status: 'open',
    institution: d.institution,
    playbook: d.playbook,
    risk: 'high',
    researcher,
    draft: d,
    createdAt,
    updatedAt: createdAt,
    history: [{ at: createdAt, actor: { channel: 'web', id: researcher.id }, action: 'created' }],
  };
}

export function cardJob(caseId: string, channel: NewJob['channel'] = 'slack'): NewJob {
  return { kind: 'case-card', channel, idempotencyKey: `case-card:${caseId}:${channel}`, caseId, payload: { caseId, target: { channelId: 'C1' } } };
}

export function turn(key: string, expectedVersion: number | null, s: ConversationState, extra: Partial<TurnCommit> = {}): TurnCommit {
  const userId = key.split(':')[1] ?? key;
  return { key, channel: 'web', userId, address: { session: key }, expectedVersion, state: s, at: T0, ...extra };
}
