package io.objectledger.ingest.rest;

import io.objectledger.events.rgw.RejectReason;
import jakarta.annotation.security.PermitAll;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import io.objectledger.events.rgw.RejectedNotificationException;
import io.objectledger.ingest.messaging.NotificationRouter;
import io.objectledger.ingest.messaging.RoutedNotification;
import io.objectledger.ingest.metrics.IngestMetrics;
import io.objectledger.support.kafka.KafkaRecordSender;
import io.objectledger.support.rest.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * RGW's HTTP push endpoint. A notification is answered 2xx only once it is on the notifications
 * topic, so a persistent RGW topic re-sends whatever the ledger could not take. RGW releases that
 * add CloudEvents binary-mode headers ({@code ce-*}) around the same body are accepted too.
 */
@Path("/rgw/notifications")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
// RGW cannot send a JWT: the push token (PushCredentials) is this door's credential.
@PermitAll
@SecurityRequirement(name = IngestApplication.PUSH_TOKEN)
public class RgwPushResource {

    private static final Logger LOG = Logger.getLogger(RgwPushResource.class.getName());
    private static final String SOURCE = "http";

    @Inject
    NotificationRouter router;

    @Inject
    KafkaRecordSender sender;

    @Inject
    PushCredentials credentials;

    @Inject
    IngestMetrics metrics;

    @Inject
    @ConfigProperty(name = "ledger.topic.notifications")
    String notificationsTopic;

    @Inject
    @ConfigProperty(name = "ledger.ingest.broker-timeout-ms")
    long brokerTimeoutMs;

    @Inject
    @ConfigProperty(name = "ledger.ingest.max-body-bytes")
    int maxBodyBytes;

    @POST
    @Operation(summary = "Receive one RGW bucket notification; token as ?token= or in the Authorization header")
    @APIResponse(responseCode = "200", description = "On the notifications topic")
    @APIResponse(responseCode = "400", description = "Can never be accepted; the reason is in the body")
    @APIResponse(responseCode = "401", description = "Missing or wrong push token")
    @APIResponse(responseCode = "413", description = "Larger than ledger.ingest.max-body-bytes")
    @APIResponse(responseCode = "503", description = "The broker did not take it; send it again")
    public Response push(@QueryParam("token") String queryToken,
                         @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                         @HeaderParam("ce-specversion") String cloudEventsVersion,
                         InputStream body) {
        return receive(null, queryToken, authorization, cloudEventsVersion, body);
    }

    @POST
    @Path("/{token}")
    @Operation(summary = "Receive one RGW bucket notification; token in the path (for RGW 16.2 http:// endpoints)")
    public Response pushWithTokenInPath(@PathParam("token") String pathToken,
                                        @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                        @HeaderParam("ce-specversion") String cloudEventsVersion,
                                        InputStream body) {
        return receive(pathToken, null, authorization, cloudEventsVersion, body);
    }

    private Response receive(String pathToken, String queryToken, String authorization, String cloudEventsVersion,
                             InputStream bodyStream) {
        Instant receivedAt = Instant.now();
        if (!credentials.accepts(pathToken, queryToken, authorization)) {
            metrics.refused("unauthorized");
            return Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"object-ledger\"")
                    .entity(new Problem("unauthorized", credentials.configured()
                            ? "a valid push token is required: in the path, as ?token=, or as Bearer/Basic credentials"
                            : "this ledger has no push tokens configured (LEDGER_INGEST_TOKENS)"))
                    .build();
        }
        metrics.received(SOURCE);
        BoundedBody.Read body;
        try {
            body = BoundedBody.read(bodyStream, maxBodyBytes);
        } catch (IOException e) {
            metrics.refused("unreadable-body");
            return problem(Response.Status.BAD_REQUEST, "unreadable-body", "the request body could not be read: " + e.getMessage());
        }
        if (body.truncated()) {
            var rejection = new RejectedNotificationException(RejectReason.OVERSIZE,
                    "the body is larger than the limit of " + maxBodyBytes + " bytes");
            reject(body.bytes(), rejection, receivedAt);
            return problem(Response.Status.REQUEST_ENTITY_TOO_LARGE, rejection.reason().code(), rejection.getMessage());
        }
        RoutedNotification notification;
        try {
            if (cloudEventsVersion != null && !"1.0".equals(cloudEventsVersion.trim())) {
                throw new RejectedNotificationException(RejectReason.INVALID_CLOUDEVENT,
                        "ce-specversion is '" + cloudEventsVersion + "', only CloudEvents 1.0 is understood");
            }
            notification = router.route(body.bytes(), receivedAt);
        } catch (RejectedNotificationException rejection) {
            reject(body.bytes(), rejection, receivedAt);
            return problem(Response.Status.BAD_REQUEST, rejection.reason().code(), rejection.getMessage());
        }
        return store(body.bytes(), notification);
    }

    private Response store(byte[] body, RoutedNotification notification) {
        try {
            sender.send(new ProducerRecord<>(notificationsTopic, notification.key(), body))
                    .get(brokerTimeoutMs, TimeUnit.MILLISECONDS);
            return Response.ok(new PushAccepted(notification.records())).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return brokerUnavailable(e);
        } catch (Exception e) {
            return brokerUnavailable(e);
        }
    }

    /** The caller is told why; the body is also kept on the dead-letter topic (best effort: the answer does not wait). */
    private void reject(byte[] body, RejectedNotificationException rejection, Instant receivedAt) {
        LOG.warning(() -> "Refused an HTTP push: " + rejection.getMessage());
        router.deadLetter(body, rejection, SOURCE, receivedAt).exceptionally(error -> {
            LOG.warning(() -> "Could not dead-letter a refused HTTP push: " + error.getMessage());
            return null;
        });
    }

    private Response brokerUnavailable(Exception cause) {
        metrics.refused("broker-unavailable");
        LOG.warning(() -> "Answering 503 to an HTTP push, the broker did not take it: " + cause);
        return problem(Response.Status.SERVICE_UNAVAILABLE, "broker-unavailable",
                "the notification is not stored; send it again");
    }

    private static Response problem(Response.Status status, String error, String message) {
        return Response.status(status).entity(new Problem(error, message)).build();
    }
}
