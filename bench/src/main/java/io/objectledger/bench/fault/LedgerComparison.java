package io.objectledger.bench.fault;

import io.objectledger.bench.generate.ExpectedLedger;
import io.objectledger.bench.generate.ExpectedLedger.ExpectedObject;
import io.objectledger.bench.measure.LedgerDatabase;
import io.objectledger.bench.measure.LedgerDatabase.CatalogRow;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The stack's content set against what a clean run holds, per object: events in the store and
 * audit rows (one per distinct change: fewer is a loss, more a duplicate), and the catalog row
 * (state, and the version and ETag of the current version).
 */
record LedgerComparison(long expectedEvents, long storedEvents, long auditEntries, int expectedObjects,
                        int catalogObjects, int objectsMissingEvents, int objectsWithDuplicateEvents,
                        int objectsMissingAudit, int objectsWithDuplicateAudit, int catalogMismatches,
                        int unexpectedObjects) {

    static LedgerComparison of(ExpectedLedger expected, LedgerDatabase database) {
        Map<String, Long> stored = database.storedEventsPerObject();
        Map<String, Long> audit = database.auditEntriesPerObject();
        Map<String, CatalogRow> catalog = database.catalog();
        int missingEvents = 0;
        int duplicateEvents = 0;
        int missingAudit = 0;
        int duplicateAudit = 0;
        int catalogMismatches = 0;
        for (Map.Entry<String, ExpectedObject> entry : expected.objects().entrySet()) {
            ExpectedObject object = entry.getValue();
            long inStore = stored.getOrDefault(entry.getKey(), 0L);
            long inAudit = audit.getOrDefault(entry.getKey(), 0L);
            missingEvents += inStore < object.changes() ? 1 : 0;
            duplicateEvents += inStore > object.changes() ? 1 : 0;
            missingAudit += inAudit < object.changes() ? 1 : 0;
            duplicateAudit += inAudit > object.changes() ? 1 : 0;
            catalogMismatches += matches(catalog.get(entry.getKey()), object) ? 0 : 1;
        }
        Set<String> unexpected = new HashSet<>(stored.keySet());
        unexpected.addAll(audit.keySet());
        unexpected.addAll(catalog.keySet());
        unexpected.removeAll(expected.objects().keySet());
        return new LedgerComparison(expected.events(), stored.values().stream().mapToLong(Long::longValue).sum(),
                audit.values().stream().mapToLong(Long::longValue).sum(), expected.objects().size(), catalog.size(),
                missingEvents, duplicateEvents, missingAudit, duplicateAudit, catalogMismatches, unexpected.size());
    }

    private static boolean matches(CatalogRow row, ExpectedObject object) {
        if (row == null || !row.state().equals(object.state())) {
            return false;
        }
        // A removed object's row keeps no facts; a present one shows its current version.
        return object.current().map(current -> row.versionId().equals(current.versionId())
                && row.eTag().equals(current.eTag())).orElse(true);
    }

    boolean clean() {
        return storedEvents == expectedEvents && auditEntries == expectedEvents && catalogObjects == expectedObjects
                && objectsMissingEvents + objectsWithDuplicateEvents + objectsMissingAudit + objectsWithDuplicateAudit
                + catalogMismatches + unexpectedObjects == 0;
    }
}
