-- Every entry gets a dense global position in the order entries were stored, so that queries
-- across objects have one order and a cursor that neither misses nor repeats an entry: the
-- projection takes the positions of a batch from trail_head under a row lock held until its
-- transaction commits, so positions become visible in the order they were given.
-- version_id is the version the event is about (facts.versionId), for queries by version.
ALTER TABLE audit_entry ADD COLUMN position BIGINT;
ALTER TABLE audit_entry ADD COLUMN version_id VARCHAR(1024);

UPDATE audit_entry e
   SET position = o.position,
       version_id = COALESCE(e.payload::jsonb -> 'facts' ->> 'versionId', '')
  FROM (SELECT event_id, ROW_NUMBER() OVER (ORDER BY recorded_at, object_id, sequence) AS position
          FROM audit_entry) o
 WHERE e.event_id = o.event_id;

ALTER TABLE audit_entry ALTER COLUMN position SET NOT NULL;
ALTER TABLE audit_entry ALTER COLUMN version_id SET NOT NULL;

CREATE TABLE trail_head (
    id   INTEGER PRIMARY KEY,
    size BIGINT  NOT NULL
);
INSERT INTO trail_head (id, size) SELECT 1, COALESCE(MAX(position), 0) FROM audit_entry;

CREATE UNIQUE INDEX audit_entry_by_position ON audit_entry (position);
CREATE INDEX audit_entry_by_bucket ON audit_entry (bucket, position);
CREATE INDEX audit_entry_by_bucket_key ON audit_entry (bucket, object_key varchar_pattern_ops);
CREATE INDEX audit_entry_by_principal ON audit_entry (principal_id, position);
CREATE INDEX audit_entry_by_request ON audit_entry (request_id);
CREATE INDEX audit_entry_by_event_time ON audit_entry (event_time);
CREATE INDEX audit_entry_by_recorded_time ON audit_entry (recorded_at);
