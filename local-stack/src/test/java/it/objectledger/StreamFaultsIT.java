package it.objectledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A process killed (SIGKILL) in the middle of a stream: no change lost, none recorded twice. */
@ExtendWith(LocalStackExtension.class)
public class StreamFaultsIT {

    private static final int OBJECTS = 200;
    private static final Duration DEADLINE = Duration.ofSeconds(240);

    private static KafkaTopics kafka;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTopics();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    public void killingLifecycleMidStreamLosesAndDuplicatesNoLifecycleEvent() throws Exception {
        streamSurvives("lifecycle-kill", () -> LocalStackExtension.stack().restart("lifecycle", true));
    }

    @Test
    public void killingTheBrokerMidStreamLosesAndDuplicatesNoLifecycleEvent() throws Exception {
        streamSurvives("broker-kill", () -> {
            LocalStackExtension.stack().killKafka();
            LocalStackExtension.stack().startKafka();
        });
    }

    interface Fault {
        void inject() throws Exception;
    }

    private void streamSurvives(String purpose, Fault fault) throws Exception {
        Ledger ledger = new Ledger();
        String bucket = Ledger.freshBucket(purpose);
        KafkaConsumer<String, CloudEvent> subscriber = kafka.lifecycleSubscriber();
        for (int i = 0; i < OBJECTS; i++) {
            kafka.produce("rgw-notifications", notification(bucket, i));
        }
        await().atMost(DEADLINE).until(() -> ledger.auditHistory(bucket, "stream/0.txt").status() == 200
                || ledger.auditHistory(bucket, "stream/1.txt").status() == 200);

        fault.inject();

        // Services may be restarting (liveness) while we ask.
        await().atMost(DEADLINE).ignoreExceptionsInstanceOf(java.io.UncheckedIOException.class)
                .until(() -> ledger.get(LocalStackExtension.settings().baseUrl("catalog")
                + "/api/catalog/" + bucket + "?limit=1000", "catalog-reader").body().path("objects").size() == OBJECTS);
        for (int i = 0; i < OBJECTS; i++) {
            String key = "stream/" + i + ".txt";
            JsonNode entries = await().atMost(DEADLINE).ignoreExceptionsInstanceOf(java.io.UncheckedIOException.class)
                    .until(() -> ledger.auditHistory(bucket, key), answer -> answer.status() == 200).body().get("entries");
            assertThat(entries).as(key).hasSize(1);
        }
        List<ConsumerRecord<String, CloudEvent>> published = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        await().atMost(DEADLINE).until(() -> {
            KafkaTopics.pollInto(subscriber, published);
            published.stream().filter(record -> record.value().getSubject().startsWith(bucket + "/"))
                    .forEach(record -> ids.add(record.value().getId()));
            return ids.size() >= OBJECTS;
        });
        // Re-publication after the kill repeats an event with its ce_id; it never makes a new one.
        assertThat(ids).hasSize(OBJECTS);
    }

    private static byte[] notification(String bucket, int i) {
        return new String(Ledger.fixtureInBucket("05-put-empty-object.json", bucket), StandardCharsets.UTF_8)
                .replace("\"empty.txt\"", "\"stream/" + i + ".txt\"")
                .replaceFirst("\"x-amz-request-id\":\"([^\"]+)\"", "\"x-amz-request-id\":\"$1-" + i + "\"")
                .getBytes(StandardCharsets.UTF_8);
    }
}
