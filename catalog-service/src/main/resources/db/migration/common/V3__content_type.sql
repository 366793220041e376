-- The current version's content type, which the ledger learns with HeadObject (ObjectDescribed):
-- RGW's notifications never carry it. NULL while not known. Unbounded: it is the gateway's header.
ALTER TABLE catalog_object ADD COLUMN content_type VARCHAR;
