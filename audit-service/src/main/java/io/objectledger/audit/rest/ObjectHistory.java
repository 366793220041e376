package io.objectledger.audit.rest;

import io.objectledger.audit.query.AuditEntry;

import java.util.List;

/** Everything the ledger recorded for one object, oldest first. */
public record ObjectHistory(String bucket, String key, List<AuditEntry> entries) {
}
