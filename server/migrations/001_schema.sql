-- 001_schema.sql — the tables of civic-server. Times are Unix seconds (UTC);
-- the API formats them as ISO 8601. Text is UTF-8, checked before it lands.

CREATE TABLE departments (
  code     TEXT PRIMARY KEY,
  name_zh  TEXT NOT NULL,
  name_en  TEXT NOT NULL
);

CREATE TABLE service_groups (
  code     TEXT PRIMARY KEY,
  name_zh  TEXT NOT NULL,
  name_en  TEXT NOT NULL,
  sort     INTEGER NOT NULL
);

CREATE TABLE services (
  code            TEXT PRIMARY KEY,
  group_code      TEXT NOT NULL REFERENCES service_groups(code),
  name_zh         TEXT NOT NULL,
  name_en         TEXT NOT NULL,
  description_zh  TEXT NOT NULL,
  description_en  TEXT NOT NULL,
  keywords_zh     TEXT NOT NULL DEFAULT '',
  keywords_en     TEXT NOT NULL DEFAULT '',
  type            TEXT NOT NULL DEFAULT 'realtime' CHECK (type IN ('realtime', 'batch', 'blackbox')),
  sla_hours       INTEGER NOT NULL CHECK (sla_hours > 0),
  department      TEXT NOT NULL REFERENCES departments(code),
  sort            INTEGER NOT NULL
);

-- GeoReport v2 service definition attributes. variable = 0 marks a note that
-- is shown, never answered.
CREATE TABLE attributes (
  service_code    TEXT NOT NULL REFERENCES services(code),
  code            TEXT NOT NULL,
  ord             INTEGER NOT NULL,
  datatype        TEXT NOT NULL CHECK (datatype IN ('string', 'number', 'datetime', 'text',
                                                    'singlevaluelist', 'multivaluelist')),
  required        INTEGER NOT NULL DEFAULT 0,
  variable        INTEGER NOT NULL DEFAULT 1,
  description_zh  TEXT NOT NULL,
  description_en  TEXT NOT NULL,
  dtdesc_zh       TEXT NOT NULL DEFAULT '',
  dtdesc_en       TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (service_code, code)
);

CREATE TABLE attribute_values (
  service_code    TEXT NOT NULL,
  attribute_code  TEXT NOT NULL,
  key             TEXT NOT NULL,
  name_zh         TEXT NOT NULL,
  name_en         TEXT NOT NULL,
  ord             INTEGER NOT NULL,
  PRIMARY KEY (service_code, attribute_code, key),
  FOREIGN KEY (service_code, attribute_code) REFERENCES attributes(service_code, code)
);

-- Ticket numbers are readable, per year: 2026-000123.
CREATE TABLE ticket_sequences (
  year  INTEGER PRIMARY KEY,
  last  INTEGER NOT NULL
);

CREATE TABLE requests (
  seq               INTEGER PRIMARY KEY AUTOINCREMENT,
  id                TEXT NOT NULL UNIQUE,
  token             TEXT NOT NULL UNIQUE,
  service_code      TEXT NOT NULL REFERENCES services(code),
  status            TEXT NOT NULL,
  department        TEXT NOT NULL REFERENCES departments(code),
  description       TEXT NOT NULL DEFAULT '',
  lat               REAL,
  lon               REAL,
  address           TEXT NOT NULL DEFAULT '',
  address_id        TEXT NOT NULL DEFAULT '',
  zipcode           TEXT NOT NULL DEFAULT '',
  email             TEXT NOT NULL DEFAULT '',
  phone             TEXT NOT NULL DEFAULT '',
  first_name        TEXT NOT NULL DEFAULT '',
  last_name         TEXT NOT NULL DEFAULT '',
  device_id         TEXT NOT NULL DEFAULT '',
  account_id        TEXT NOT NULL DEFAULT '',
  media_url         TEXT NOT NULL DEFAULT '',
  attributes_json   TEXT NOT NULL DEFAULT '{}',
  locale            TEXT NOT NULL DEFAULT 'zh-CN',
  requested_at      INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL,
  sla_deadline      INTEGER NOT NULL,
  closed_at         INTEGER,
  status_note       TEXT NOT NULL DEFAULT '',
  rating            INTEGER,
  rating_comment    TEXT NOT NULL DEFAULT '',
  reopen_count      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX requests_by_updated ON requests(updated_at);
CREATE INDEX requests_by_department ON requests(department, status);

-- Exactly-once submission: the first answer for a key is kept and replayed.
CREATE TABLE idempotency_keys (
  key          TEXT PRIMARY KEY,
  body_hash    TEXT NOT NULL,
  request_id   TEXT NOT NULL REFERENCES requests(id),
  created_at   INTEGER NOT NULL
);

-- The timeline. Ids only grow (AUTOINCREMENT never reuses one), so clients
-- resume an event stream from the last id they applied.
CREATE TABLE events (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  request_id  TEXT NOT NULL REFERENCES requests(id),
  type        TEXT NOT NULL,
  status      TEXT NOT NULL,
  department  TEXT NOT NULL DEFAULT '',
  note        TEXT NOT NULL DEFAULT '',
  created_at  INTEGER NOT NULL
);
CREATE INDEX events_by_request ON events(request_id, id);

-- Staff tokens, stored as the hex of crypto::token_hash (BLAKE2b) of the token; department '*' is all.
CREATE TABLE staff_tokens (
  hash        TEXT PRIMARY KEY,
  department  TEXT NOT NULL,
  label       TEXT NOT NULL DEFAULT '',
  created_at  INTEGER NOT NULL
);
