import { describe, expect, it } from 'vitest';
import { createCaseRouter } from '../../src/service/case-router.js';
import { caseRecord } from '../store/fixtures.js';
import { ROUTING } from './helpers.js';

const router = createCaseRouter(ROUTING);

describe('CaseRouter', () => {
  it('sends a new case as a card to each contact-point channel of its institution', () => {
    const jobs = router.jobsForNewCase(caseRecord('c1'));
    expect(jobs).toEqual([
      {
        kind: 'case-card',
        channel: 'slack',
        idempotencyKey: 'case-card:c1:slack',
        caseId: 'c1',
        payload: { caseId: 'c1', caseRef: 'RS-C1', institution: 'uhasselt', target: { teamId: 'T1', channelId: 'C-RS' } },
      },
      {
        kind: 'case-card',
        channel: 'teams',
        idempotencyKey: 'case-card:c1:teams',
        caseId: 'c1',
        payload: {
          caseId: 'c1',
          caseRef: 'RS-C1',
          institution: 'uhasselt',
          target: { serviceUrl: 'https://smba.example/emea/', conversationId: '19:rs@thread' },
        },
      },
    ]);
  });

  it('needs no job for an institution that works from the web inbox only, or an unknown one', () => {
    expect(router.jobsForNewCase(caseRecord('c2', { institution: 'kuleuven' }))).toEqual([]);
    expect(router.jobsForNewCase(caseRecord('c3', { institution: 'elsewhere' }))).toEqual([]);
  });

  it('makes deterministic keys per event, and notices only for what the researcher should hear', () => {
    const c = caseRecord('c1');
    const asked = router.jobsForEvent(c, { at: c.createdAt, actor: { channel: 'slack', id: 'cp' }, action: 'asked', text: 'why?' }, '3');
    expect(asked.map((j) => j.idempotencyKey)).toEqual(['thread:c1:3:slack', 'thread:c1:3:teams', 'notice:c1:3']);
    expect(router.jobsForEvent(c, { at: c.createdAt, actor: { channel: 'slack', id: 'cp' }, action: 'asked', text: 'why?' }, '3')).toEqual(asked);
    expect(asked[0]?.payload).toMatchObject({ cardKey: 'case-card:c1:slack', target: { channelId: 'C-RS' } });
    const answered = router.jobsForEvent(c, { at: c.createdAt, actor: { channel: 'web', id: 'u1' }, action: 'answered', text: 'x' }, 'a');
    expect(answered.map((j) => j.kind)).toEqual(['case-thread', 'case-thread']);
    expect(router.jobsForEvent(c, { at: c.createdAt, actor: { channel: 'slack', id: 'w' }, action: 'delivered' }, '1')).toEqual([]);
  });

  it('jobsForStatus tells the researcher of a status change', () => {
    const c = caseRecord('c1');
    const jobs = router.jobsForStatus(c, 'closed', 'All fine.');
    expect(jobs.find((j) => j.kind === 'researcher-notice')?.payload.input).toEqual({
      type: 'case-status',
      caseRef: 'RS-C1',
      status: 'closed',
      advice: 'All fine.',
    });
  });
});
