// Versioned schema of the embedded SQLite store. Append new versions; never edit an applied one.
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const sqliteMigrations: Migration[] = [
  {
    version: 1,
    name: 'conversations, cases, case events, outbox, notices, seen keys',
    sql: `
CREATE TABLE conversations (
  key TEXT PRIMARY KEY,
  channel TEXT NOT NULL,
  user_id TEXT NOT NULL,
  state TEXT NOT NULL,
  version INTEGER NOT NULL,
  address TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX conversations_user ON conversations (channel, user_id);
CREATE INDEX conversations_updated ON conversations (updated_at);

CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  ref TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL,
  institution TEXT NOT NULL,
  playbook TEXT NOT NULL,
  risk TEXT NOT NULL,
  researcher TEXT NOT NULL,
  researcher_id TEXT NOT NULL,
  assignee TEXT,
  advice TEXT,
  draft TEXT NOT NULL,
  event_count INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX cases_status ON cases (status, created_at);

-- The audit log: who created, took, asked, answered and closed a case, and when.
CREATE TABLE case_events (
  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  text TEXT,
  PRIMARY KEY (case_id, seq)
);

CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  channel TEXT NOT NULL,
  idempotency_key TEXT NOT NULL UNIQUE,
  case_id TEXT,
  payload TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT,
  created_at TEXT NOT NULL,
  delivered_at TEXT,
  result TEXT,
  locked_by TEXT,
  locked_until TEXT
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_case ON outbox (case_id);

CREATE TABLE notices (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  conversation_key TEXT NOT NULL,
  at TEXT NOT NULL,
  replies TEXT NOT NULL
);
CREATE INDEX notices_conversation ON notices (conversation_key, seq);

CREATE TABLE seen_keys (
  key TEXT PRIMARY KEY,
  expires_at TEXT NOT NULL
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
  key TEXT PRIMARY KEY,
  channel TEXT NOT NULL,
  payload TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 1,
  received_at TEXT NOT NULL,
  locked_until TEXT,
  done_at TEXT
);
CREATE INDEX inbound_inbox_pending ON inbound_inbox (channel, status, locked_until);

-- A job that needs another first (a thread reply needs its card) names that job's idempotency key.
ALTER TABLE outbox ADD COLUMN depends_on TEXT;
CREATE INDEX outbox_depends_on ON outbox (depends_on);
`,
  },
  {
    version: 3,
    name: 'conversation transcripts',
    sql: `
-- What the researcher and the bot said, so a second tab and a reload show the conversation (issue 13).
CREATE TABLE transcript (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  conversation_key TEXT NOT NULL,
  at TEXT NOT NULL,
  who TEXT NOT NULL,
  content TEXT NOT NULL
);
CREATE INDEX transcript_conversation ON transcript (conversation_key, seq);
CREATE INDEX transcript_at ON transcript (at);
`,
  },
];
