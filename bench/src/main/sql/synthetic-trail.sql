-- Synthetic audit entries for timing queries over a large trail (BENCHMARKS.md, "Audit trail
-- across objects"): appended after the trail's last position into an audit database migrated by
-- audit-service, e.g.
--   psql -h 127.0.0.1 -U postgres -d ledger_audit -v entries=10000000 -f bench/src/main/sql/synthetic-trail.sql
-- 100 buckets (synthetic-0 .. synthetic-99), a million objects, 50 principals, one entry every
-- 3 s of gateway time from 2026-01-01, payloads of about 600 bytes. Their hashes are random: the
-- per-object chains of these entries do not verify, so never load them into a real trail.
\set ON_ERROR_STOP on
BEGIN;
SELECT size AS base FROM trail_head WHERE id = 1 FOR UPDATE \gset
INSERT INTO audit_entry (event_id, object_id, bucket, object_key, sequence, event_type, event_name, event_time,
                         received_at, recorded_at, principal_id, owner_id, source_ip, request_id, gateway_id,
                         payload, previous_hash, entry_hash, hash_format, position, version_id)
SELECT 'synthetic-' || (:base + g),
       md5('object-' || (g % 1000000)),
       'synthetic-' || (g % 100),
       'k/' || (g % 1000000) || '.bin',
       :base + g,
       'io.objectledger.object.created.v1',
       'ObjectCreated:Put',
       TIMESTAMPTZ '2026-01-01 00:00:00+00' + g * INTERVAL '3 seconds',
       TIMESTAMPTZ '2026-01-01 00:00:00+00' + g * INTERVAL '3 seconds' + INTERVAL '5 milliseconds',
       now(),
       'user-' || (g % 50),
       'owner-' || (g % 100),
       '',
       'req-' || (:base + g),
       'gateway',
       json_build_object('object', json_build_object('bucket', 'synthetic-' || (g % 100), 'key', 'k/' || (g % 1000000) || '.bin'),
                         'facts', json_build_object('size', g % 65536, 'eTag', md5('etag' || g), 'versionId', '',
                                                    'metadata', json_build_object('owner', 'user-' || (g % 50), 'class', 'synthetic'),
                                                    'tags', json_build_object()),
                         'change', json_build_object('changeId', md5('change' || g), 'eventName', 'ObjectCreated:Put',
                                                     'eventTime', to_char(TIMESTAMPTZ '2026-01-01 00:00:00+00' + g * INTERVAL '3 seconds', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                                                     'principalId', 'user-' || (g % 50), 'requestId', 'req-' || (:base + g)))::text,
       md5('previous' || g) || md5('p' || g),
       md5('entry' || g) || md5('e' || g),
       2,
       :base + g,
       ''
  FROM generate_series(1, :entries) AS g;
UPDATE trail_head SET size = :base + :entries WHERE id = 1;
COMMIT;
ANALYZE audit_entry;
