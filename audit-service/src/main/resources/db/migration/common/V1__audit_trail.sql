-- Every lifecycle event, once, in the order the ledger recorded it for each object.
CREATE TABLE audit_entry (
    event_id     VARCHAR(64)              PRIMARY KEY,
    object_id    VARCHAR(64)              NOT NULL,
    bucket       VARCHAR(300)             NOT NULL,
    object_key   VARCHAR(1024)            NOT NULL,
    sequence     BIGINT                   NOT NULL,
    event_type   VARCHAR(128)             NOT NULL,
    event_name   VARCHAR(128)             NOT NULL,
    event_time   TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    principal_id VARCHAR(256)             NOT NULL,
    request_id   VARCHAR(256)             NOT NULL,
    payload      VARCHAR                  NOT NULL
);

CREATE UNIQUE INDEX audit_entry_by_object ON audit_entry (object_id, sequence);
