package io.objectledger.audit.rest;

import io.objectledger.audit.query.AuditEntry;

import java.util.List;

/**
 * What the ledger recorded for one object, oldest first: a page of its history.
 *
 * @param nextAfter the sequence of the page's last entry when more may follow, to ask for the
 *                  next page with; null on the last page
 */
public record ObjectHistory(String bucket, String key, List<AuditEntry> entries, Long nextAfter) {
}
