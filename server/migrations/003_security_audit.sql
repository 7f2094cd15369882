-- 003_security_audit.sql — who read or tried to read residents' personal
-- details (server/security_audit.cpp). Rows are only ever appended. The
-- actor is a staff department and the first 16 hex digits of the token's
-- stored hash (never the token).

CREATE TABLE audit_log (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  at                 INTEGER NOT NULL,
  actor_department   TEXT NOT NULL,
  actor_token        TEXT NOT NULL DEFAULT '',
  action             TEXT NOT NULL,
  request_id         TEXT NOT NULL DEFAULT '',
  ticket_department  TEXT NOT NULL DEFAULT '',
  outcome            TEXT NOT NULL CHECK (outcome IN ('allowed', 'denied')),
  remote_addr        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_by_request ON audit_log(request_id, id);
