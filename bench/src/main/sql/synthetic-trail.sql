-- Synthetic audit entries for timing queries, exports and verification over a large trail
-- (BENCHMARKS.md, "Audit trail across objects"): appended after the trail's last position into an
-- audit database migrated by audit-service, e.g.
--   psql -h 127.0.0.1 -U postgres -d ledger_audit -v entries=10000000 -f bench/src/main/sql/synthetic-trail.sql
-- 100 buckets (synthetic-0 .. synthetic-99), a million objects, 50 principals, one entry every
-- 3 s of gateway time from 2026-01-01, payloads of about 600 bytes. Each entry's leaf is its
-- canonical encoding (docs/audit-trail.md) computed here in SQL, an implementation independent of
-- the Java one, and the tree's nodes are rebuilt over the whole trail, so checkpoints, proofs and
-- the offline verifier work on the result. The per-object chains' hashes are random: those
-- chains do not verify, so never load this into a real trail.
\set ON_ERROR_STOP on
CREATE FUNCTION pg_temp.field(value text) RETURNS text LANGUAGE sql IMMUTABLE
    AS $$ SELECT octet_length(convert_to(value, 'UTF8')) || ':' || value || E'\n' $$;
CREATE FUNCTION pg_temp.instant(at timestamptz) RETURNS text LANGUAGE sql IMMUTABLE
    AS $$ SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') $$;
BEGIN;
SELECT size AS base FROM trail_head WHERE id = 1 FOR UPDATE \gset
INSERT INTO audit_entry (event_id, object_id, bucket, object_key, sequence, event_type, event_name, event_time,
                         received_at, recorded_at, principal_id, owner_id, source_ip, request_id, gateway_id,
                         payload, previous_hash, entry_hash, hash_format, position, version_id, payload_salt,
                         leaf_hash)
SELECT e.event_id, e.object_id, e.bucket, e.object_key, e.sequence, e.event_type, e.event_name, e.event_time,
       e.received_at, e.recorded_at, e.principal_id, e.owner_id, e.source_ip, e.request_id, e.gateway_id,
       e.payload, e.previous_hash, e.entry_hash, 2, e.position, e.version_id, e.payload_salt,
       encode(sha256('\x00'::bytea || convert_to('object-ledger-leaf/1' || E'\n'
           || pg_temp.field(e.position::text) || pg_temp.field(e.event_id) || pg_temp.field(e.object_id)
           || pg_temp.field(e.bucket) || pg_temp.field(e.object_key) || pg_temp.field(e.version_id)
           || pg_temp.field(e.sequence::text) || pg_temp.field(e.event_type) || pg_temp.field(e.event_name)
           || pg_temp.field(pg_temp.instant(e.event_time)) || pg_temp.field(pg_temp.instant(e.received_at))
           || pg_temp.field(pg_temp.instant(e.recorded_at)) || pg_temp.field(e.principal_id)
           || pg_temp.field(e.owner_id) || pg_temp.field(e.source_ip) || pg_temp.field(e.request_id)
           || pg_temp.field(e.gateway_id) || pg_temp.field(e.payload_salt)
           || pg_temp.field(encode(sha256(decode(e.payload_salt, 'hex') || convert_to(e.payload, 'UTF8')), 'hex')),
           'UTF8')), 'hex')
  FROM (SELECT 'synthetic-' || (:base + g) AS event_id,
               md5('object-' || (g % 1000000)) AS object_id,
               'synthetic-' || (g % 100) AS bucket,
               'k/' || (g % 1000000) || '.bin' AS object_key,
               :base + g AS sequence,
               'io.objectledger.object.created.v1' AS event_type,
               'ObjectCreated:Put' AS event_name,
               TIMESTAMPTZ '2026-01-01 00:00:00+00' + g * INTERVAL '3 seconds' AS event_time,
               TIMESTAMPTZ '2026-01-01 00:00:00+00' + g * INTERVAL '3 seconds' + INTERVAL '5 milliseconds' AS received_at,
               date_trunc('milliseconds', now()) AS recorded_at,
               'user-' || (g % 50) AS principal_id,
               'owner-' || (g % 100) AS owner_id,
               '' AS source_ip,
               'req-' || (:base + g) AS request_id,
               'gateway' AS gateway_id,
               json_build_object('object', json_build_object('bucket', 'synthetic-' || (g % 100), 'key', 'k/' || (g % 1000000) || '.bin'),
                                 'facts', json_build_object('size', g % 65536, 'eTag', md5('etag' || g), 'versionId', '',
                                                            'metadata', json_build_object('owner', 'user-' || (g % 50), 'class', 'synthetic'),
                                                            'tags', json_build_object()),
                                 'change', json_build_object('changeId', md5('change' || g), 'eventName', 'ObjectCreated:Put',
                                                             'eventTime', to_char(TIMESTAMPTZ '2026-01-01 00:00:00+00' + g * INTERVAL '3 seconds', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                                                             'principalId', 'user-' || (g % 50), 'requestId', 'req-' || (:base + g)))::text AS payload,
               md5('previous' || g) || md5('p' || g) AS previous_hash,
               md5('entry' || g) || md5('e' || g) AS entry_hash,
               :base + g AS position,
               '' AS version_id,
               md5('salt' || (:base + g)) AS payload_salt
          FROM generate_series(1, :entries) AS g) AS e;
UPDATE trail_head SET size = :base + :entries WHERE id = 1;

-- The tree's nodes over the whole trail, level by level (RFC 9162: SHA-256(0x01 || left || right)),
-- kept at every fourth level as the service keeps them; nodes the service stored already stay.
CREATE TEMP TABLE level_hashes ON COMMIT DROP AS
    SELECT position - 1 AS node_index, decode(leaf_hash, 'hex') AS hash FROM audit_entry;
DO $$
DECLARE
    depth int := 0;
BEGIN
    LOOP
        CREATE TEMP TABLE next_hashes AS
            SELECT node_index / 2 AS node_index, sha256('\x01'::bytea || string_agg(hash, ''::bytea ORDER BY node_index)) AS hash
              FROM level_hashes GROUP BY node_index / 2 HAVING count(*) = 2;
        depth := depth + 1;
        EXIT WHEN NOT EXISTS (SELECT 1 FROM next_hashes);
        IF depth % 4 = 0 THEN
            INSERT INTO trail_node (level, node_index, hash)
                SELECT depth, node_index, encode(hash, 'hex') FROM next_hashes ON CONFLICT DO NOTHING;
        END IF;
        DROP TABLE level_hashes;
        ALTER TABLE next_hashes RENAME TO level_hashes;
    END LOOP;
    DROP TABLE next_hashes;
END $$;
COMMIT;
ANALYZE audit_entry;
ANALYZE trail_node;
