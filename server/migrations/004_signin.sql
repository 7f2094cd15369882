-- 004_signin.sql — verified sign-in with one-time codes (server/signin_*.cpp).
-- A resident is known by a phone number, which is never stored: phone_key is
-- a keyed BLAKE2b of the canonical number (key derived from the server's
-- signing key), so a copied database cannot be searched for a number.
-- Codes and tokens are stored only as BLAKE2b digests (core/crypto
-- token_hash). dev_code holds the clear code only when no SMS command is
-- configured (development: `civic-server signin-code PHONE` reads it); with
-- --sms-command it is always NULL.

CREATE TABLE signin_codes (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  phone_key   TEXT NOT NULL,
  code_hash   TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL,
  attempts    INTEGER NOT NULL DEFAULT 0,
  state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'used', 'locked', 'superseded')),
  client      TEXT NOT NULL DEFAULT '',
  dev_code    TEXT
);
CREATE INDEX signin_codes_by_phone ON signin_codes(phone_key, id);

-- Bearer tokens of signed-in residents. account_id is what requests.account_id
-- holds for the concerns they file while signed in.
CREATE TABLE resident_tokens (
  hash        TEXT PRIMARY KEY,
  account_id  TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL,
  revoked_at  INTEGER
);
CREATE INDEX resident_tokens_by_account ON resident_tokens(account_id);
CREATE INDEX requests_by_account ON requests(account_id, seq);
