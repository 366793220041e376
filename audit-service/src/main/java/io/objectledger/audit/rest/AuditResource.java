package io.objectledger.audit.rest;

import io.objectledger.audit.query.AuditEntry;
import io.objectledger.audit.query.AuditQueries;
import io.objectledger.events.object.ObjectIdentity;
import io.objectledger.support.rest.Problem;
import io.objectledger.support.security.Caller;
import io.objectledger.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * An object's recorded history. Keys go in the query string: they may hold any character. A
 * bucket of a tenant the caller's token does not name answers as one with nothing recorded; every
 * request is itself recorded ({@link TrailReadRecorder}).
 */
@Path("/audit/{bucket}/object")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed(Roles.AUDITOR)
@SecurityRequirement(name = Roles.SCHEME)
@Extension(name = Roles.ROLE_EXTENSION, value = Roles.AUDITOR)
public class AuditResource {

    private static final int MAX_PAGE = 1000;

    @Inject
    AuditQueries queries;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "The lifecycle events recorded for one object, oldest first, a page at a time")
    @APIResponse(responseCode = "200", description = "A page of the history after the sequence `after`")
    @APIResponse(responseCode = "400", description = "An invalid object, or a limit out of range")
    @APIResponse(responseCode = "404", description = "Nothing was ever recorded for this object")
    public Response history(@PathParam("bucket") String bucket, @QueryParam("key") String key,
                            @QueryParam("after") @DefaultValue("-1") long after,
                            @QueryParam("limit") @DefaultValue("1000") int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            return Response.status(Response.Status.BAD_REQUEST).entity(new Problem("invalid-limit",
                    "limit must be between 1 and " + MAX_PAGE + ", was " + limit)).build();
        }
        return answer(bucket, key, identity -> {
            List<AuditEntry> entries = queries.history(identity, after, limit);
            // Past the last entry is an empty page of a known object, not an unknown object.
            boolean recorded = !entries.isEmpty() || (after >= 0 && !queries.history(identity, -1, 1).isEmpty());
            if (!recorded) {
                return Optional.empty();
            }
            Long next = entries.size() == limit ? entries.get(entries.size() - 1).sequence() : null;
            return Optional.of(new ObjectHistory(identity.bucket(), identity.key(), entries, next));
        });
    }

    @GET
    @Path("/verification")
    @Operation(summary = "Recomputes the object's hash chain from the stored entries and says whether it is intact")
    @APIResponse(responseCode = "200", description = "The verification: intact or the first broken entry")
    @APIResponse(responseCode = "404", description = "Nothing was ever recorded for this object")
    public Response verification(@PathParam("bucket") String bucket, @QueryParam("key") String key) {
        return answer(bucket, key, queries::verify);
    }

    /** 400 for an invalid object, 404 when nothing was recorded for it, else 200 with what was found. */
    private Response answer(String bucket, String key, Function<ObjectIdentity, Optional<?>> find) {
        ObjectIdentity identity;
        try {
            identity = new ObjectIdentity(bucket, key == null ? "" : key);
        } catch (IllegalArgumentException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(new Problem("invalid-object", e.getMessage() + " (give the key as ?key=...)")).build();
        }
        return (caller.sees(bucket) ? find.apply(identity) : Optional.empty())
                .map(found -> Response.ok(found).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND)
                        .entity(new Problem("not-found", "nothing recorded for " + identity.subject())).build());
    }
}
