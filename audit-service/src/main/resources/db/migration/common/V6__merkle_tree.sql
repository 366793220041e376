-- The trail as a Merkle tree (RFC 9162) over its entries in position order, so that signed
-- checkpoints of its size and root make any later change, removal or reordering of an entry
-- detectable (docs/audit-trail.md).
-- leaf_hash is the leaf of the entry's canonical encoding (shared-events TrailEntry), which also
-- covers its position; payload_salt salts the hash through which the leaf commits to the payload.
-- Entries recorded before this script get both at start, in position order (TreeBackfill).
ALTER TABLE audit_entry ADD COLUMN leaf_hash CHAR(64);
ALTER TABLE audit_entry ADD COLUMN payload_salt VARCHAR(64);

-- The tree's inner nodes at every fourth level (subtrees of 16, 256, 4096 ... leaves), each
-- stored once the subtree is complete: any subtree hash is then at most 8 stored hashes away, so
-- a root, an inclusion or a consistency proof reads a few dozen rows at any size.
CREATE TABLE trail_node (
    level      SMALLINT NOT NULL,
    node_index BIGINT   NOT NULL,
    hash       CHAR(64) NOT NULL,
    PRIMARY KEY (level, node_index)
);

-- Signed checkpoints: the tree's size and root at a time, signed with a key the database never
-- holds; each is also published to Kafka (published_at), so that copies live outside it.
CREATE TABLE trail_checkpoint (
    tree_size       BIGINT       PRIMARY KEY,
    root_hash       CHAR(64)     NOT NULL,
    checkpoint_time TIMESTAMP WITH TIME ZONE NOT NULL,
    origin          VARCHAR(256) NOT NULL,
    key_id          VARCHAR(64)  NOT NULL,
    signature       VARCHAR(256) NOT NULL,
    published_at    TIMESTAMP WITH TIME ZONE
);
