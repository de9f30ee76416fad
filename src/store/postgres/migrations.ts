// Versioned schema of the PostgreSQL store. Append new versions; never edit an applied one.
import type { Migration } from '../sqlite/migrations.js';

export const postgresMigrations: Migration[] = [
  {
    version: 1,
    name: 'conversations, cases, case events, outbox, notices, seen keys',
    sql: `
CREATE TABLE conversations (
  key text PRIMARY KEY,
  channel text NOT NULL,
  user_id text NOT NULL,
  state jsonb NOT NULL,
  version integer NOT NULL,
  address jsonb NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX conversations_user ON conversations (channel, user_id);
CREATE INDEX conversations_updated ON conversations (updated_at);

CREATE TABLE cases (
  id text PRIMARY KEY,
  ref text NOT NULL UNIQUE,
  status text NOT NULL,
  institution text NOT NULL,
  playbook text NOT NULL,
  risk text NOT NULL,
  researcher jsonb NOT NULL,
  researcher_id text NOT NULL,
  assignee jsonb,
  advice text,
  draft jsonb NOT NULL,
  event_count integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX cases_status ON cases (status, created_at);

-- The audit log: who created, took, asked, answered and closed a case, and when.
CREATE TABLE case_events (
  case_id text NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  at timestamptz NOT NULL,
  actor jsonb NOT NULL,
  action text NOT NULL,
  text text,
  PRIMARY KEY (case_id, seq)
);

CREATE TABLE outbox (
  seq bigserial PRIMARY KEY,
  id text NOT NULL UNIQUE,
  kind text NOT NULL,
  channel text NOT NULL,
  idempotency_key text NOT NULL UNIQUE,
  case_id text,
  payload jsonb NOT NULL,
  status text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  last_error text,
  created_at timestamptz NOT NULL,
  delivered_at timestamptz,
  result jsonb,
  locked_by text,
  locked_until timestamptz
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_case ON outbox (case_id);

CREATE TABLE notices (
  seq bigserial PRIMARY KEY,
  conversation_key text NOT NULL,
  at timestamptz NOT NULL,
  replies jsonb NOT NULL
);
CREATE INDEX notices_conversation ON notices (conversation_key, seq);

CREATE TABLE seen_keys (
  key text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
`,
  },
  {
    version: 2,
    name: 'durable inbound inbox; outbox job dependencies',
    sql: `
-- An inbound event is written here with its dedupe key before it is acked, and stays pending until the turn it
-- causes has committed: a crash between ack and turn leaves it here for the next worker.
CREATE TABLE inbound_inbox (
  key text PRIMARY KEY,
  channel text NOT NULL,
  payload jsonb NOT NULL,
  status text NOT NULL,
  attempts integer NOT NULL DEFAULT 1,
  received_at timestamptz NOT NULL,
  locked_until timestamptz,
  done_at timestamptz
);
CREATE INDEX inbound_inbox_pending ON inbound_inbox (channel, status, locked_until);

-- A job that needs another first (a thread reply needs its card) names that job's idempotency key.
ALTER TABLE outbox ADD COLUMN depends_on text;
CREATE INDEX outbox_depends_on ON outbox (depends_on);
`,
  },
  {
    version: 3,
    name: 'conversation transcripts',
    sql: `
-- What the researcher and the bot said, so a second tab and a reload show the conversation (issue 13).
CREATE TABLE transcript (
  seq bigserial PRIMARY KEY,
  conversation_key text NOT NULL,
  at timestamptz NOT NULL,
  who text NOT NULL,
  content text NOT NULL -- JSON text: a researcher's plain string stays a string
);
CREATE INDEX transcript_conversation ON transcript (conversation_key, seq);
CREATE INDEX transcript_at ON transcript (at);
`,
  },
];
