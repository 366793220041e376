package io.objectledger.audit.reads;

import java.time.Instant;
import java.util.Map;

/**
 * One request an auditor made to the audit API.
 *
 * @param readId         its place in the record, increasing; 0 before it is stored
 * @param operation      the API operation, e.g. {@code history}, {@code verification}, {@code reads}
 * @param tenant         the RGW tenant of the bucket it was about ("" for the default tenant), or null
 * @param parameters     its path and query parameters, as asked
 * @param grantedTenants the tenants the caller's token grants, as the token named them
 */
public record TrailRead(long readId, Instant readAt, String subject, String operation, String tenant,
                        Map<String, String> parameters, String grantedTenants) {

    public TrailRead {
        parameters = Map.copyOf(parameters);
    }
}
