package io.objectledger.audit.rest;

import io.objectledger.audit.reads.TrailRead;
import io.objectledger.audit.reads.TrailReadLog;
import io.objectledger.support.rest.Problem;
import io.objectledger.support.security.Caller;
import io.objectledger.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** Who read the audit trail. Reading this record is itself a read of audit information, and is recorded. */
@Path("/audit/reads")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed(Roles.AUDITOR)
@SecurityRequirement(name = Roles.SCHEME)
@Extension(name = Roles.ROLE_EXTENSION, value = Roles.AUDITOR)
public class TrailReadResource {

    private static final int MAX_PAGE = 1000;

    /** A page of reads, newest first; {@code nextBeforeId} asks for the next page, null on the last. */
    public record TrailReads(List<TrailRead> reads, Long nextBeforeId) {
    }

    @Inject
    TrailReadLog log;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Who read the audit trail, what they asked and when, newest first; by subject and time")
    @APIResponse(responseCode = "200", description = "A page of reads of the buckets of the caller's tenants "
            + "(every read, with an all-tenants grant)")
    @APIResponse(responseCode = "400", description = "A time that is not ISO-8601, or a limit out of range")
    public Response reads(@QueryParam("subject") String subject, @QueryParam("since") String since,
                          @QueryParam("until") String until, @QueryParam("beforeId") @DefaultValue("0") long beforeId,
                          @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            return badRequest("invalid-limit", "limit must be between 1 and " + MAX_PAGE + ", was " + limit);
        }
        Optional<Instant> from;
        Optional<Instant> to;
        try {
            from = Optional.ofNullable(since).map(Instant::parse);
            to = Optional.ofNullable(until).map(Instant::parse);
        } catch (DateTimeParseException e) {
            return badRequest("invalid-time", "since and until are ISO-8601 instants such as 2026-12-07T10:00:00Z: "
                    + e.getParsedString());
        }
        List<TrailRead> reads = log.find(Optional.ofNullable(subject), from, to, caller.scope(), beforeId, limit);
        Long next = reads.size() == limit ? reads.get(reads.size() - 1).readId() : null;
        return Response.ok(new TrailReads(reads, next)).build();
    }

    private static Response badRequest(String error, String message) {
        return Response.status(Response.Status.BAD_REQUEST).entity(new Problem(error, message)).build();
    }
}
