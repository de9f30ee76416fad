// zod for the engine inputs an outbox job may carry to the researcher.
import { z } from 'zod';
import { langCodeSchema, playbookIdSchema } from '../../domain/schemas.js';
import type { CaseStatus, EngineInput } from '../../engine/types.js';

const CASE_STATUSES_SCHEMA = z.enum(['open', 'taken', 'awaiting-info', 'closed'] satisfies CaseStatus[]);

export const engineInputSchema: z.ZodType<EngineInput> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('action'), value: z.string(), step: z.string().optional() }),
  z.object({ type: z.literal('start'), playbook: playbookIdSchema }),
  z.object({ type: z.literal('set-lang'), lang: langCodeSchema }),
  z.object({ type: z.literal('case-question'), caseId: z.string(), caseRef: z.string(), text: z.string() }),
  z.object({ type: z.literal('case-status'), caseRef: z.string(), status: CASE_STATUSES_SCHEMA, advice: z.string().optional() }),
]);
