-- Each object's entries form a hash chain: entry_hash = SHA-256 over previous_hash and the entry's
-- own recorded fields, so changing or removing an entry breaks every link after it.
ALTER TABLE audit_entry ADD COLUMN previous_hash VARCHAR(64);
ALTER TABLE audit_entry ADD COLUMN entry_hash VARCHAR(64);
