package it.objectledger;

import io.objectledger.events.fixtures.RgwFixtures;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Bad notifications get a clear answer, are kept with their reason, and stop nothing. */
@ExtendWith(LocalStackExtension.class)
public class BadInputIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    private static Ledger ledger;
    private static KafkaTopics kafka;
    private static KafkaConsumer<String, byte[]> deadLetters;
    private static final List<ConsumerRecord<String, byte[]>> deadLettered = new ArrayList<>();

    @BeforeAll
    static void connect() {
        ledger = new Ledger();
        kafka = new KafkaTopics();
        deadLetters = kafka.rawSubscriber("rgw-notifications-dlq");
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    public void malformedHttpPushIsRefusedWithTheReasonAndIngestStaysHealthy() {
        Ledger.Answer garbage = ledger.push("this is not json".getBytes(StandardCharsets.UTF_8));
        Ledger.Answer empty = ledger.push("{\"Records\":[]}".getBytes(StandardCharsets.UTF_8));
        Ledger.Answer unknown = ledger.push(new String(RgwFixtures.read("01-put-with-metadata.json"), StandardCharsets.UTF_8)
                .replace("ObjectCreated:Put", "ObjectTagging:Put").getBytes(StandardCharsets.UTF_8));

        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.body().get("error").asText()).isEqualTo("invalid-json");
        assertThat(garbage.body().get("message").asText()).contains("Unrecognized token");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().get("error").asText()).isEqualTo("no-records");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("message").asText()).contains("ObjectTagging:Put");
        assertThat(ledger.ready("ingest").status()).isEqualTo(200);

        String bucket = Ledger.freshBucket("after-bad-http");
        assertThat(ledger.push(Ledger.fixtureInBucket("01-put-with-metadata.json", bucket)).status()).isEqualTo(200);
        await().atMost(DEADLINE).until(() -> ledger.catalogObject(bucket, "docs/hello.txt").status() == 200);
    }

    @Test
    public void malformedKafkaNotificationIsDeadLetteredWithItsBytesAndReason() throws Exception {
        byte[] poison = ("{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"marker\":\"" + Ledger.freshBucket("poison")
                + "\"}]}").getBytes(StandardCharsets.UTF_8);

        kafka.produce("rgw-notifications", poison);
        String bucket = Ledger.freshBucket("after-bad-kafka");
        kafka.produce("rgw-notifications", Ledger.fixtureInBucket("02-put-with-tags.json", bucket));

        ConsumerRecord<String, byte[]> deadLetter = await().atMost(DEADLINE).until(() -> {
            KafkaTopics.pollInto(deadLetters, deadLettered);
            return deadLettered.stream().filter(record -> Arrays.equals(record.value(), poison)).findFirst();
        }, found -> found.isPresent()).orElseThrow();
        assertThat(header(deadLetter, "ledger-reject-reason")).isEqualTo("missing-field");
        assertThat(header(deadLetter, "ledger-reject-detail")).contains("Records[0].s3 is missing");
        assertThat(header(deadLetter, "ledger-source")).isEqualTo("kafka");
        assertThat(header(deadLetter, "ledger-received-at")).isNotBlank();

        await().atMost(DEADLINE).until(() -> ledger.catalogObject(bucket, "docs/tagged.txt").status() == 200);
        assertThat(ledger.ready("ingest").status()).isEqualTo(200);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
