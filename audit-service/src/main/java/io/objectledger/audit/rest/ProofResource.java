package io.objectledger.audit.rest;

import io.objectledger.audit.tree.MissingTreeNodeException;
import io.objectledger.audit.tree.TreeProofs;
import io.objectledger.support.rest.Problem;
import io.objectledger.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.function.Supplier;

/**
 * RFC 9162 proofs over the trail's tree, to check against signed checkpoints: that an entry is
 * in the tree of a size, and that a larger tree extends a smaller one (nothing before was changed).
 */
@Path("/audit/proofs")
@RequestScoped
@RolesAllowed(Roles.AUDITOR)
@SecurityRequirement(name = Roles.SCHEME)
@Extension(name = Roles.ROLE_EXTENSION, value = Roles.AUDITOR)
public class ProofResource {

    @Inject
    TreeProofs proofs;

    @GET
    @Path("/inclusion")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The audit path of the entry at `position` in the tree of `treeSize` entries (the size of a "
            + "checkpoint), with the entry's leaf hash and the root it leads to")
    @APIResponse(responseCode = "200", description = "The proof")
    @APIResponse(responseCode = "400", description = "A position or size outside the trail")
    @APIResponse(responseCode = "409", description = "The stored tree misses a hash the proof needs")
    public Response inclusion(@QueryParam("position") long position, @QueryParam("treeSize") long treeSize) {
        long size = proofs.committedSize();
        if (treeSize < 1 || treeSize > size || position < 1 || position > treeSize) {
            return badRequest("invalid-position", "position must be from 1 to treeSize, and treeSize from 1 to the "
                    + "trail's size " + size + "; were " + position + " and " + treeSize);
        }
        return answer(() -> proofs.inclusion(position, treeSize));
    }

    @GET
    @Path("/consistency")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The RFC 9162 consistency proof that the tree of `to` entries extends the tree of `from`")
    @APIResponse(responseCode = "200", description = "The proof")
    @APIResponse(responseCode = "400", description = "Sizes outside the trail or in the wrong order")
    @APIResponse(responseCode = "409", description = "The stored tree misses a hash the proof needs")
    public Response consistency(@QueryParam("from") long from, @QueryParam("to") long to) {
        long size = proofs.committedSize();
        if (from < 1 || from > to || to > size) {
            return badRequest("invalid-size", "sizes must satisfy 1 <= from <= to <= " + size + " (the trail's size); "
                    + "were " + from + " and " + to);
        }
        return answer(() -> proofs.consistency(from, to));
    }

    private static Response answer(Supplier<Object> proof) {
        try {
            return Response.ok(proof.get()).build();
        } catch (MissingTreeNodeException e) {
            return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new Problem("tree-incomplete", e.getMessage() + "; verify the trail "
                            + "(POST /api/audit/verification)")).build();
        }
    }

    private static Response badRequest(String error, String message) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new Problem(error, message)).build();
    }
}
