package it.objectledger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The HTTP push endpoint takes a token the way a real RGW can send it, and nothing else. */
@ExtendWith(LocalStackExtension.class)
public class PushCredentialsIT {

    private static final String CURRENT = "it-token-current";
    private static final String NEXT = "it-token-next";

    private final Ledger ledger = new Ledger();

    @Test
    public void pushWithoutATokenIsUnauthorized() {
        Ledger.Answer answer = ledger.send(ledger.pushRequest(ledger.pushUrl()), body("no-token"));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body().get("error").asText()).isEqualTo("unauthorized");
    }

    @Test
    public void pushWithAWrongTokenIsUnauthorizedWhereverItIs() {
        assertThat(ledger.send(ledger.pushRequest(ledger.pushUrl() + "/wrong-token"), body("wrong")).status()).isEqualTo(401);
        assertThat(ledger.send(ledger.pushRequest(ledger.pushUrl() + "?token=wrong-token"), body("wrong")).status()).isEqualTo(401);
        assertThat(ledger.send(ledger.pushRequest(ledger.pushUrl()).header("Authorization", "Bearer wrong-token"),
                body("wrong")).status()).isEqualTo(401);
        assertThat(ledger.send(ledger.pushRequest(ledger.pushUrl()).header("Authorization", basic("rgw", "wrong-token")),
                body("wrong")).status()).isEqualTo(401);
    }

    @Test
    public void tokenInThePathIsAcceptedAsRgw16SendsIt() {
        String bucket = Ledger.freshBucket("path-token");

        assertThat(ledger.send(ledger.pushRequest(ledger.pushUrl() + "/" + CURRENT), body(bucket)).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(90)).until(() -> ledger.catalogObject(bucket, "docs/hello.txt").status() == 200);
    }

    @Test
    public void tokenInTheQueryIsAccepted() {
        assertThat(ledger.send(ledger.pushRequest(ledger.pushUrl() + "?token=" + CURRENT), body("query")).status())
                .isEqualTo(200);
    }

    @Test
    public void bearerAndBasicCredentialsAreAccepted() {
        assertThat(ledger.send(ledger.pushRequest(ledger.pushUrl()).header("Authorization", "Bearer " + CURRENT),
                body("bearer")).status()).isEqualTo(200);
        assertThat(ledger.send(ledger.pushRequest(ledger.pushUrl()).header("Authorization", basic("rgw", CURRENT)),
                body("basic")).status()).isEqualTo(200);
    }

    @Test
    public void theNextTokenIsAcceptedAlongsideTheCurrentOneForRotation() {
        assertThat(ledger.send(ledger.pushRequest(ledger.pushUrl() + "/" + NEXT), body("rotation")).status())
                .isEqualTo(200);
    }

    @Test
    public void cloudEventsBinaryHeadersAroundTheRecordAreAccepted() {
        String bucket = Ledger.freshBucket("cloudevents");

        Ledger.Answer answer = ledger.send(ledger.pushRequest(ledger.pushUrl() + "/" + CURRENT)
                .header("ce-specversion", "1.0")
                .header("ce-id", "1795730001.985025.8dd5067d1c62a18c414da9ef1f1dbde6")
                .header("ce-type", "com.amazonaws.ObjectCreated:Put")
                .header("ce-source", "ceph:s3.default." + bucket)
                .header("ce-time", "2026-11-26T21:53:18.676671Z"), body(bucket));

        assertThat(answer.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(90)).until(() -> ledger.catalogObject(bucket, "docs/hello.txt").status() == 200);
    }

    @Test
    public void anUnknownCloudEventsVersionIsRefused() {
        Ledger.Answer answer = ledger.send(ledger.pushRequest(ledger.pushUrl() + "/" + CURRENT)
                .header("ce-specversion", "0.3"), body("old-cloudevents"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("error").asText()).isEqualTo("invalid-cloudevent");
    }

    private static byte[] body(String bucketHint) {
        String bucket = bucketHint.startsWith("it-") ? bucketHint : Ledger.freshBucket(bucketHint);
        return Ledger.fixtureInBucket("01-put-with-metadata.json", bucket);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
