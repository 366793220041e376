package io.objectledger.ingest.rest;

import io.objectledger.events.rgw.RejectedNotificationException;
import io.objectledger.ingest.messaging.NotificationRouter;
import io.objectledger.support.kafka.KafkaRecordSender;
import io.objectledger.support.rest.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * RGW's HTTP push endpoint. A notification is answered 2xx only once it is on the notifications
 * topic, so a persistent RGW topic re-sends whatever the ledger could not take.
 */
@Path("/rgw/notifications")
@RequestScoped
public class RgwPushResource {

    private static final Logger LOG = Logger.getLogger(RgwPushResource.class.getName());

    @Inject
    NotificationRouter router;

    @Inject
    KafkaRecordSender sender;

    @Inject
    @ConfigProperty(name = "ledger.topic.notifications")
    String notificationsTopic;

    @Inject
    @ConfigProperty(name = "ledger.ingest.broker-timeout-ms")
    long brokerTimeoutMs;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive one RGW bucket notification (the body RGW's HTTP endpoint POSTs)")
    @APIResponse(responseCode = "200", description = "On the notifications topic")
    @APIResponse(responseCode = "400", description = "Can never be accepted; the reason is in the body")
    @APIResponse(responseCode = "503", description = "The broker did not take it; send it again")
    public Response push(byte[] body) {
        Instant receivedAt = Instant.now();
        int records;
        String key;
        try {
            var commands = router.commandsOf(body, receivedAt);
            records = commands.size();
            key = commands.get(0).object().aggregateId();
        } catch (RejectedNotificationException rejection) {
            LOG.warning(() -> "Refused an HTTP push: " + rejection.getMessage());
            router.deadLetter(body, rejection, "http", receivedAt);
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(new Problem(rejection.reason().code(), rejection.getMessage())).build();
        }
        try {
            sender.send(new ProducerRecord<>(notificationsTopic, key, body)).get(brokerTimeoutMs, TimeUnit.MILLISECONDS);
            return Response.ok(new PushAccepted(records)).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return brokerUnavailable(e);
        } catch (Exception e) {
            return brokerUnavailable(e);
        }
    }

    private Response brokerUnavailable(Exception cause) {
        LOG.warning(() -> "Answering 503 to an HTTP push, the broker did not take it: " + cause);
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .entity(new Problem("broker-unavailable", "the notification is not stored; send it again"))
                .build();
    }
}
