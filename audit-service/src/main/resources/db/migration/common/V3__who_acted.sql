-- Who acted and through which gateway, recorded with every entry, and the format its hash was
-- made with: entries hashed before this script (format 1) cover the event and its payload only
-- and keep verifying under that formula; new entries (format 2) also cover who acted and when.
-- Entries recorded before it read the new columns as NULL: not recorded.
ALTER TABLE audit_entry ADD COLUMN owner_id VARCHAR(256);
ALTER TABLE audit_entry ADD COLUMN source_ip VARCHAR(256);
ALTER TABLE audit_entry ADD COLUMN gateway_id VARCHAR(256);
ALTER TABLE audit_entry ADD COLUMN hash_format INTEGER DEFAULT 1 NOT NULL;
