package io.objectledger.audit.rest;

import io.objectledger.audit.query.TrailFilter;
import io.objectledger.support.security.TenantScope;
import jakarta.ws.rs.QueryParam;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** The query parameters shared by the trail's query, count and export. */
public class TrailQuery {

    @QueryParam("bucket")
    String bucket;

    @QueryParam("prefix")
    String prefix;

    @QueryParam("principal")
    String principal;

    /** CloudEvents types, repeated or comma-separated: any of them. */
    @QueryParam("type")
    List<String> types;

    @QueryParam("requestId")
    String requestId;

    @QueryParam("versionId")
    String versionId;

    /** When it happened at the gateway (the notification's eventTime): from, inclusive. */
    @QueryParam("eventTimeFrom")
    String eventTimeFrom;

    @QueryParam("eventTimeTo")
    String eventTimeTo;

    /** When the trail stored it: from, inclusive. */
    @QueryParam("recordedFrom")
    String recordedFrom;

    @QueryParam("recordedTo")
    String recordedTo;

    /** The filter, or empty when a time cannot be read. */
    Optional<TrailFilter> filter(TenantScope scope) {
        if (unreadableTime().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new TrailFilter(bucket, prefix, principal, eventTypes(), requestId, versionId,
                instant(eventTimeFrom), instant(eventTimeTo), instant(recordedFrom), instant(recordedTo), scope));
    }

    Optional<String> unreadableTime() {
        return Stream.of(eventTimeFrom, eventTimeTo, recordedFrom, recordedTo)
                .filter(time -> time != null && !readable(time))
                .findFirst();
    }

    private Set<String> eventTypes() {
        Set<String> names = new LinkedHashSet<>();
        if (types != null) {
            types.forEach(type -> Arrays.stream(type.split(",")).map(String::trim).filter(name -> !name.isEmpty())
                    .forEach(names::add));
        }
        return names;
    }

    private static boolean readable(String time) {
        try {
            Instant.parse(time);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static Instant instant(String time) {
        return time == null ? null : Instant.parse(time);
    }
}
