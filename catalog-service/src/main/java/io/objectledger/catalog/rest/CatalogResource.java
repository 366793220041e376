package io.objectledger.catalog.rest;

import io.objectledger.catalog.query.CatalogEntry;
import io.objectledger.catalog.query.CatalogQueries;
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

/**
 * What is stored now. Keys go in the query string: they may hold any character, '/' included.
 * A bucket of a tenant the caller's token does not name answers as one the ledger never heard of.
 */
@Path("/catalog/{bucket}")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed(Roles.CATALOG_READER)
@SecurityRequirement(name = Roles.SCHEME)
@Extension(name = Roles.ROLE_EXTENSION, value = Roles.CATALOG_READER)
public class CatalogResource {

    private static final int MAX_PAGE = 1000;

    @Inject
    CatalogQueries queries;

    @Inject
    Caller caller;

    @GET
    @Path("/object")
    @Operation(summary = "The current state of one object, including a removed one")
    @APIResponse(responseCode = "200", description = "The object as the catalog knows it; contentType is null "
            + "until the ledger has read it with HeadObject (enrichment)")
    @APIResponse(responseCode = "404", description = "The ledger has never heard of this object")
    public Response object(@PathParam("bucket") String bucket, @QueryParam("key") String key) {
        ObjectIdentity identity;
        try {
            identity = new ObjectIdentity(bucket, key == null ? "" : key);
        } catch (IllegalArgumentException e) {
            return badRequest("invalid-object", e.getMessage() + " (give the key as ?key=...)");
        }
        return (caller.sees(bucket) ? queries.find(identity) : Optional.<CatalogEntry>empty())
                .map(entry -> Response.ok(entry).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND)
                        .entity(new Problem("not-found", "no object " + identity.subject() + " in the catalog"))
                        .build());
    }

    @GET
    @Operation(summary = "Objects present in a bucket, by key, optionally under a prefix")
    public Response list(@PathParam("bucket") String bucket,
                         @QueryParam("prefix") @DefaultValue("") String prefix,
                         @QueryParam("startAfter") @DefaultValue("") String startAfter,
                         @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            return badRequest("invalid-limit", "limit must be between 1 and " + MAX_PAGE + ", was " + limit);
        }
        List<CatalogEntry> objects = caller.sees(bucket) ? queries.list(bucket, prefix, startAfter, limit) : List.of();
        String next = objects.size() == limit ? objects.get(objects.size() - 1).key() : null;
        return Response.ok(new BucketListing(bucket, prefix, objects, next)).build();
    }

    private static Response badRequest(String error, String message) {
        return Response.status(Response.Status.BAD_REQUEST).entity(new Problem(error, message)).build();
    }
}
