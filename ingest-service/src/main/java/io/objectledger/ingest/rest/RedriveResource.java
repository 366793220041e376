package io.objectledger.ingest.rest;

import io.objectledger.ingest.redrive.Redrive;
import io.objectledger.ingest.redrive.RedriveRefusedException;
import io.objectledger.ingest.redrive.RedriveService;
import io.objectledger.support.rest.Problem;
import io.objectledger.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * The operator's door to dead letters: re-drive them to the topic they came from once the cause
 * is fixed. An operator's, as everything under {@code /api/dead-letters} is.
 */
@Path("/dead-letters/redrives")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed(Roles.OPERATOR)
@SecurityRequirement(name = Roles.SCHEME)
@Extension(name = Roles.ROLE_EXTENSION, value = Roles.OPERATOR)
public class RedriveResource {

    @Inject
    RedriveService redrives;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Re-drive the dead letters of a topic, all or by reason and time range, to the topic they came from")
    @APIResponse(responseCode = "202", description = "Started; Location is where its progress is")
    @APIResponse(responseCode = "400", description = "Not a valid re-drive, or not a dead-letter topic of the ledger")
    @APIResponse(responseCode = "503", description = "The broker did not answer, or the re-drives are still being read")
    public Response start(byte[] body) {
        return answer(() -> {
            RedriveRequest request = RedriveRequest.parse(body == null ? new byte[0] : body);
            Redrive redrive = redrives.start(request.deadLetterTopic(), request.filter());
            return Response.accepted(RedriveView.of(redrive, Instant.now()))
                    .location(uri.getAbsolutePathBuilder().path(redrive.id()).build()).build();
        });
    }

    @GET
    @Operation(summary = "Every re-drive, the latest first")
    @APIResponse(responseCode = "200", description = "The re-drives this ledger keeps")
    public Response list() {
        return answer(() -> Response.ok(redrives.all().stream().map(r -> RedriveView.of(r, Instant.now())).toList())
                .build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A re-drive's progress: scanned, matched, re-published, rate, time left, state")
    @APIResponse(responseCode = "200", description = "Its definition and progress")
    @APIResponse(responseCode = "404", description = "No such re-drive")
    public Response progress(@PathParam("id") String id) {
        return answer(() -> redrives.find(id).map(r -> Response.ok(RedriveView.of(r, Instant.now())).build())
                .orElseGet(() -> notFound(id)));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Cancel a running re-drive; what it re-published stays re-published")
    @APIResponse(responseCode = "202", description = "Cancelling; its state turns cancelled")
    @APIResponse(responseCode = "404", description = "No such re-drive")
    public Response cancel(@PathParam("id") String id) {
        return answer(() -> redrives.cancel(id).map(r -> Response.accepted(RedriveView.of(r, Instant.now())).build())
                .orElseGet(() -> notFound(id)));
    }

    private static Response notFound(String id) {
        return Response.status(Response.Status.NOT_FOUND)
                .entity(new Problem("not-found", "no re-drive has the id '" + id + "'")).build();
    }

    private static Response answer(Supplier<Response> action) {
        try {
            return action.get();
        } catch (RedriveRefusedException refused) {
            return Response.status(refused.status()).entity(new Problem(refused.code(), refused.getMessage())).build();
        }
    }
}
