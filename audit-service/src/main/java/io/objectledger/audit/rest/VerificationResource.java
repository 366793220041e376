package io.objectledger.audit.rest;

import io.objectledger.audit.checkpoint.CheckpointKey;
import io.objectledger.audit.checkpoint.Checkpointer;
import io.objectledger.audit.tree.RangeVerification;
import io.objectledger.audit.tree.TrailVerification;
import io.objectledger.events.trail.SignedCheckpoint;
import io.objectledger.support.rest.Problem;
import io.objectledger.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.io.StringReader;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Verifies a range of positions against signed checkpoints: those the auditor brings (from the
 * checkpoints topic or an earlier answer, which whoever changed the database cannot have
 * changed), or else those the service stored. The answer names the first position that fails.
 */
@Path("/audit/verification")
@RequestScoped
@RolesAllowed(Roles.AUDITOR)
@SecurityRequirement(name = Roles.SCHEME)
@Extension(name = Roles.ROLE_EXTENSION, value = Roles.AUDITOR)
public class VerificationResource {

    @Inject
    TrailVerification verification;

    @Inject
    Checkpointer checkpointer;

    @Inject
    CheckpointKey key;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Verifies positions `from` (default 1) to `to` (default: the largest checkpoint's size) "
            + "against signed checkpoints: the body's (one checkpoint or an array, as the checkpoint API and topic "
            + "give them), or without a body the stored ones; names the first position that fails")
    @APIResponse(responseCode = "200", description = "The verification: verified, or the first failing position "
            + "and why")
    @APIResponse(responseCode = "400", description = "A checkpoint that is not JSON or not signed by the service's "
            + "key, or a range no checkpoint covers")
    @APIResponse(responseCode = "409", description = "No checkpoint to verify against")
    @APIResponse(responseCode = "503", description = "No signing key is configured")
    public Response verify(@QueryParam("from") Long from, @QueryParam("to") Long to, String body) {
        if (key.publicKey().isEmpty()) {
            return CheckpointResource.noKey();
        }
        PublicKey publicKey = key.publicKey().get();
        List<SignedCheckpoint> checkpoints;
        boolean supplied = body != null && !body.isBlank();
        try {
            checkpoints = supplied ? parse(body) : new ArrayList<>(checkpointer.between(0, Long.MAX_VALUE));
        } catch (RuntimeException e) {
            return problem(Response.Status.BAD_REQUEST, "invalid-checkpoint", "the body is one signed checkpoint "
                    + "or an array of them, as GET /api/audit/checkpoints/latest answers: " + e.getMessage());
        }
        List<Long> unsigned = checkpoints.stream().filter(checkpoint -> !checkpoint.verifies(publicKey))
                .map(checkpoint -> checkpoint.checkpoint().treeSize()).toList();
        if (!unsigned.isEmpty()) {
            if (supplied) {
                return problem(Response.Status.BAD_REQUEST, "invalid-checkpoint", "the checkpoints of sizes "
                        + unsigned + " do not carry a valid signature of key " + key.keyId());
            }
            return Response.ok(new RangeVerification(false, from == null ? 1 : from, to == null ? 0 : to, 0, 0, 0,
                    null, "the stored checkpoints of sizes " + unsigned + " do not carry a valid signature of key "
                    + key.keyId() + ": the checkpoint table was altered; verify against checkpoints from the "
                    + "topic instead", List.of())).build();
        }
        if (checkpoints.isEmpty()) {
            return problem(Response.Status.CONFLICT, "no-checkpoint", "no checkpoint to verify against: take one "
                    + "(POST /api/audit/checkpoints)");
        }
        checkpoints.sort(Comparator.comparingLong(checkpoint -> checkpoint.checkpoint().treeSize()));
        long largest = checkpoints.get(checkpoints.size() - 1).checkpoint().treeSize();
        long first = from == null ? 1 : from;
        long last = to == null ? largest : to;
        if (first < 1 || first > last || last > largest) {
            return problem(Response.Status.BAD_REQUEST, "invalid-range", "the range must satisfy 1 <= from <= to <= "
                    + largest + " (the largest checkpoint's size); was " + first + " to " + last);
        }
        return Response.ok(verification.verify(first, last, checkpoints)).build();
    }

    private static List<SignedCheckpoint> parse(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonStructure json = reader.read();
            List<SignedCheckpoint> checkpoints = new ArrayList<>();
            if (json.getValueType() == JsonValue.ValueType.ARRAY) {
                json.asJsonArray().forEach(element -> checkpoints.add(SignedCheckpoint.fromJson(element.toString())));
            } else {
                checkpoints.add(SignedCheckpoint.fromJson(json.toString()));
            }
            return checkpoints;
        } catch (JsonParsingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    private static Response problem(Response.Status status, String error, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new Problem(error, message))
                .build();
    }
}
