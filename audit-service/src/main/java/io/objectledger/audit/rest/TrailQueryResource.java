package io.objectledger.audit.rest;

import io.objectledger.audit.query.AuditEntry;
import io.objectledger.audit.query.TrailFilter;
import io.objectledger.audit.query.TrailSearch;
import io.objectledger.support.rest.Problem;
import io.objectledger.support.security.Caller;
import io.objectledger.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The trail across objects: entries by bucket, key prefix, who acted, event type, request,
 * version and time, in the trail's global order; their count; and their export as a file. Every
 * request is recorded ({@link TrailReadRecorder}); another tenant's buckets match nothing.
 */
@Path("/audit/entries")
@RequestScoped
@RolesAllowed(Roles.AUDITOR)
@SecurityRequirement(name = Roles.SCHEME)
@Extension(name = Roles.ROLE_EXTENSION, value = Roles.AUDITOR)
public class TrailQueryResource {

    private static final int MAX_PAGE = 1000;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** A page of entries; {@code nextAfter} asks for the next page, null on the last. */
    public record TrailPage(List<AuditEntry> entries, Long nextAfter) {
    }

    public record TrailCount(long count) {
    }

    @Inject
    TrailSearch search;

    @Inject
    Caller caller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Entries across objects in the trail's order (position), by bucket, key prefix, principal, "
            + "event type, request id, version id, gateway event time and recorded time")
    @APIResponse(responseCode = "200", description = "A page of entries after the position `after`")
    @APIResponse(responseCode = "400", description = "A time that is not ISO-8601, a limit or position out of range")
    public Response entries(@BeanParam TrailQuery query, @QueryParam("after") @DefaultValue("0") long after,
                            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            return badRequest("invalid-limit", "limit must be between 1 and " + MAX_PAGE + ", was " + limit);
        }
        if (after < 0) {
            return badRequest("invalid-position", "after is a position in the trail, 0 or more, was " + after);
        }
        return filter(query).map(filter -> {
            List<AuditEntry> entries = search.page(filter, after, limit);
            Long next = entries.size() == limit ? entries.get(entries.size() - 1).position() : null;
            return Response.ok(new TrailPage(entries, next)).build();
        }).orElseGet(() -> invalidTime(query));
    }

    @GET
    @Path("/count")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "How many entries match the same filters as the query")
    @APIResponse(responseCode = "200", description = "The count")
    @APIResponse(responseCode = "400", description = "A time that is not ISO-8601")
    public Response count(@BeanParam TrailQuery query) {
        return filter(query).map(filter -> Response.ok(new TrailCount(search.count(filter))).build())
                .orElseGet(() -> invalidTime(query));
    }

    @GET
    @Path("/export")
    @Produces({"application/x-ndjson", "text/csv", MediaType.APPLICATION_JSON})
    @Operation(summary = "Every entry the filters match, streamed as NDJSON (one entry's JSON per line) or CSV "
            + "(RFC 4180), in the trail's order")
    @APIResponse(responseCode = "200", description = "The file, as an attachment")
    @APIResponse(responseCode = "400", description = "An unknown format, a negative position or a time that is not "
            + "ISO-8601")
    public Response export(@BeanParam TrailQuery query, @QueryParam("format") @DefaultValue("ndjson") String format,
                           @QueryParam("after") @DefaultValue("0") long after) {
        Optional<TrailExport> export = TrailExport.named(format);
        if (export.isEmpty()) {
            return badRequest("invalid-format", "format is ndjson or csv, was " + format);
        }
        if (after < 0) {
            return badRequest("invalid-position", "after is a position in the trail, 0 or more, was " + after);
        }
        return filter(query).map(filter -> Response.ok(export.get().of(search, filter, after, caller.name()))
                        .type(export.get().mediaType() + "; charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"" + fileName(query, export.get()) + "\"")
                        .build())
                .orElseGet(() -> invalidTime(query));
    }

    private Optional<TrailFilter> filter(TrailQuery query) {
        return query.filter(caller.scope());
    }

    /** audit-trail-[bucket-]<time of the export>.<format>, with the bucket's colon a dash, so any system can keep it. */
    private static String fileName(TrailQuery query, TrailExport export) {
        String bucket = query.bucket == null ? "" : query.bucket.replaceAll("[^A-Za-z0-9._-]", "-") + "-";
        return "audit-trail-" + bucket + FILE_TIME.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)) + "."
                + export.extension();
    }

    private static Response invalidTime(TrailQuery query) {
        return badRequest("invalid-time", "eventTimeFrom, eventTimeTo, recordedFrom and recordedTo are ISO-8601 "
                + "instants such as 2026-12-07T10:00:00Z: " + query.unreadableTime().orElse(""));
    }

    private static Response badRequest(String error, String message) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new Problem(error, message)).build();
    }
}
