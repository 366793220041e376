package io.objectledger.audit.rest;

import io.objectledger.audit.checkpoint.CheckpointKey;
import io.objectledger.audit.checkpoint.Checkpointer;
import io.objectledger.audit.checkpoint.HistoryRewrittenException;
import io.objectledger.events.trail.CheckpointKeys;
import io.objectledger.events.trail.SignedCheckpoint;
import io.objectledger.support.rest.Problem;
import io.objectledger.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.Optional;

/**
 * The trail's signed checkpoints: its tree's size and root at a time, signed with a key the
 * database never holds, each also published to the {@code object-ledger-checkpoints} topic.
 */
@Path("/audit/checkpoints")
@RequestScoped
@RolesAllowed(Roles.AUDITOR)
@SecurityRequirement(name = Roles.SCHEME)
@Extension(name = Roles.ROLE_EXTENSION, value = Roles.AUDITOR)
public class CheckpointResource {

    @Inject
    Checkpointer checkpointer;

    @Inject
    CheckpointKey key;

    @GET
    @Path("/latest")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The latest signed checkpoint: tree size, root hash (hex), time, key id and Ed25519 or "
            + "ECDSA signature (base64) over its body")
    @APIResponse(responseCode = "200", description = "The checkpoint")
    @APIResponse(responseCode = "404", description = "No checkpoint taken yet")
    public Response latest() {
        return found(checkpointer.latest(), "no checkpoint has been taken yet");
    }

    @GET
    @Path("/{treeSize}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The signed checkpoint taken at exactly this tree size")
    @APIResponse(responseCode = "200", description = "The checkpoint")
    @APIResponse(responseCode = "404", description = "No checkpoint was taken at this size")
    public Response atSize(@PathParam("treeSize") long treeSize) {
        return found(checkpointer.atSize(treeSize), "no checkpoint was taken at size " + treeSize);
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Takes a checkpoint of the trail as committed now (or answers the latest when the trail has "
            + "not grown since), stores it and publishes it")
    @APIResponse(responseCode = "200", description = "The checkpoint")
    @APIResponse(responseCode = "409", description = "The stored tree no longer has a signed root: nothing is signed")
    @APIResponse(responseCode = "503", description = "No signing key is configured")
    public Response take() {
        if (!key.present()) {
            return noKey();
        }
        try {
            return found(checkpointer.take(), "no checkpoint");
        } catch (HistoryRewrittenException e) {
            return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new Problem("history-rewritten", e.getMessage())).build();
        }
    }

    @GET
    @Path("/public-key")
    @Produces("application/x-pem-file")
    @Operation(summary = "The public key checkpoints verify with (PEM); an auditor should also hold it from the "
            + "deployment, not only from the service it checks")
    @APIResponse(responseCode = "200", description = "The key")
    @APIResponse(responseCode = "503", description = "No signing key is configured")
    public Response publicKey() {
        return key.publicKey().map(publicKey -> Response.ok(CheckpointKeys.pem(publicKey)).build())
                .orElseGet(CheckpointResource::noKey);
    }

    static Response found(Optional<SignedCheckpoint> checkpoint, String missing) {
        return checkpoint.map(found -> Response.ok(found.toJson(), MediaType.APPLICATION_JSON_TYPE).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(new Problem("no-checkpoint", missing)).build());
    }

    static Response noKey() {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new Problem("no-signing-key", "no checkpoint signing key is configured "
                        + "(audit.checkpoint.private-key-file, audit.checkpoint.public-key-file)")).build();
    }
}
