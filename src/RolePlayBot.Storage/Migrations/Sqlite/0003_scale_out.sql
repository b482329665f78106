-- What several bot instances on one database must share beyond conversations.
-- The ASP.NET Core Data Protection key ring (it protects the dashboard's cookie and antiforgery token): one XML
-- element per row, as IXmlRepository stores them; names are not unique (revocations may repeat one), so id orders them.
CREATE TABLE data_protection_keys (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    xml TEXT NOT NULL,
    created_at TEXT NOT NULL
);
-- One-time values already used (the nonces of the dashboard's sign-in links), until they would have expired anyway.
CREATE TABLE used_nonces (
    nonce TEXT PRIMARY KEY,
    expires_at TEXT NOT NULL
);
CREATE INDEX used_nonces_expiry ON used_nonces (expires_at);
