package io.objectledger.audit.query;

import io.objectledger.support.security.TenantScope;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which entries of the whole trail a query is about; every condition holds (null: any). Times
 * are ranges from (inclusive) to (exclusive). The tenant scope always applies: a bucket of a
 * tenant it does not grant matches nothing, as a bucket nothing was recorded for.
 *
 * @param bucket        the bucket, {@code tenant:bucket} for a tenant's
 * @param keyPrefix     the start of the object keys
 * @param eventTypes    CloudEvents types, any of them; empty for every type
 * @param eventTimeFrom when it happened at the gateway, from
 * @param recordedFrom  when the trail stored it, from
 */
public record TrailFilter(String bucket, String keyPrefix, String principalId, Set<String> eventTypes,
                          String requestId, String versionId, Instant eventTimeFrom, Instant eventTimeTo,
                          Instant recordedFrom, Instant recordedTo, TenantScope scope) {

    public TrailFilter {
        eventTypes = Set.copyOf(eventTypes);
    }

    /** A WHERE clause and the values of its parameters, in order. */
    record Where(String sql, List<Object> values) {
    }

    Where where() {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        List<Object> values = new ArrayList<>();
        equal(sql, values, "bucket", bucket);
        if (keyPrefix != null && !keyPrefix.isEmpty()) {
            sql.append(" AND object_key LIKE ? ESCAPE '\\'");
            values.add(likeEscaped(keyPrefix) + "%");
        }
        equal(sql, values, "principal_id", principalId);
        equal(sql, values, "request_id", requestId);
        equal(sql, values, "version_id", versionId);
        if (!eventTypes.isEmpty()) {
            sql.append(" AND event_type IN (").append("?, ".repeat(eventTypes.size() - 1)).append("?)");
            values.addAll(eventTypes.stream().sorted().toList());
        }
        range(sql, values, "event_time", eventTimeFrom, eventTimeTo);
        range(sql, values, "recorded_at", recordedFrom, recordedTo);
        tenants(sql, values);
        return new Where(sql.toString(), values);
    }

    private void tenants(StringBuilder sql, List<Object> values) {
        if (scope.all()) {
            return;
        }
        if (scope.tenants().isEmpty()) {
            sql.append(" AND 1 = 0");
            return;
        }
        // RGW bucket names hold no colon, so the tenant is what comes before one, if any.
        List<String> conditions = new ArrayList<>();
        for (String tenant : scope.tenants().stream().sorted().toList()) {
            if (tenant.isEmpty()) {
                conditions.add("bucket NOT LIKE '%:%'");
            } else {
                conditions.add("bucket LIKE ? ESCAPE '\\'");
                values.add(likeEscaped(tenant) + ":%");
            }
        }
        sql.append(" AND (").append(String.join(" OR ", conditions)).append(')');
    }

    private static void equal(StringBuilder sql, List<Object> values, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            values.add(value);
        }
    }

    private static void range(StringBuilder sql, List<Object> values, String column, Instant from, Instant to) {
        if (from != null) {
            sql.append(" AND ").append(column).append(" >= ?");
            values.add(utc(from));
        }
        if (to != null) {
            sql.append(" AND ").append(column).append(" < ?");
            values.add(utc(to));
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * The trail's order, said so that a database walks the index of the filter's leading column
     * instead of sorting every match: with one bucket (or principal) fixed, ordering by it and
     * then by position is ordering by position, and matches the index on both.
     */
    String orderBy() {
        if (bucket != null) {
            return " ORDER BY bucket, position";
        }
        if (principalId != null) {
            return " ORDER BY principal_id, position";
        }
        return " ORDER BY position";
    }

    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
