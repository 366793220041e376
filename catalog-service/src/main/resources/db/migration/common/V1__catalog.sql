-- Current state of every object the ledger has heard of. A removed object keeps its row
-- (state REMOVED) so that a create delivered late cannot bring it back.
CREATE TABLE catalog_object (
    object_id       VARCHAR(64)              PRIMARY KEY,
    bucket          VARCHAR(300)             NOT NULL,
    object_key      VARCHAR(1024)            NOT NULL,
    version_id      VARCHAR(1024)            NOT NULL,
    state           VARCHAR(16)              NOT NULL,
    size            BIGINT                   NOT NULL,
    etag            VARCHAR(128)             NOT NULL,
    metadata        VARCHAR                  NOT NULL,
    tags            VARCHAR                  NOT NULL,
    last_event_id   VARCHAR(64)              NOT NULL,
    last_event_type VARCHAR(128)             NOT NULL,
    last_event_time TIMESTAMP WITH TIME ZONE NOT NULL,
    last_sequence   BIGINT                   NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX catalog_object_by_bucket_key ON catalog_object (bucket, object_key);
