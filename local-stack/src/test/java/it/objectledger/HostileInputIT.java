package it.objectledger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hundreds of malformed and hostile bodies through both doors: each is refused (HTTP) or
 * dead-lettered (Kafka) with its reason, ingest stays healthy, and a valid notification sent
 * after them is still processed.
 */
@ExtendWith(LocalStackExtension.class)
public class HostileInputIT {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final List<HostileCorpus.Hostile> CORPUS = HostileCorpus.all();

    private static Ledger ledger;
    private static KafkaTopics kafka;

    @BeforeAll
    static void connect() {
        ledger = new Ledger();
        kafka = new KafkaTopics();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    public void corpusHasAtLeastTwoHundredDistinctCases() {
        assertThat(CORPUS).hasSizeGreaterThanOrEqualTo(200);
    }

    @Test
    public void everyHostileHttpPushIsRefusedWithItsReason() {
        SoftAssertions softly = new SoftAssertions();
        for (HostileCorpus.Hostile hostile : CORPUS) {
            Ledger.Answer answer = ledger.push(hostile.body());
            softly.assertThat(answer.status()).as(hostile.name()).isEqualTo(400);
            softly.assertThat(answer.body().path("error").asText()).as(hostile.name()).isIn(hostile.reasons());
            softly.assertThat(answer.body().path("message").asText()).as(hostile.name()).isNotBlank();
        }
        softly.assertAll();

        assertStillProcessing("after-hostile-http");
        assertThat(ledger.metrics("ingest").body().asText())
                .containsPattern("ledger_ingest_dead_lettered_total\\{[^}]*reason=\"invalid-json\"[^}]*source=\"http\"[^}]*} [1-9]");
    }

    @Test
    public void tenMegabyteHttpPushIsRefusedAsOversize() {
        byte[] huge = new byte[10 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');

        Ledger.Answer answer = ledger.push(huge);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body().get("error").asText()).isEqualTo("oversize");
        assertThat(answer.body().get("message").asText()).contains("262144");
        assertStillProcessing("after-huge-http");
    }

    @Test
    public void everyHostileKafkaNotificationIsDeadLetteredWithItsReason() throws Exception {
        KafkaConsumer<String, byte[]> deadLetters = kafka.rawSubscriber("rgw-notifications-dlq");
        List<HostileCorpus.Hostile> corpus = new ArrayList<>(CORPUS);
        byte[] oversize = ("{\"Records\":[" + " ".repeat(300 * 1024) + "]}").getBytes(StandardCharsets.UTF_8);
        corpus.add(new HostileCorpus.Hostile("300 KB body", oversize, java.util.Set.of("oversize")));
        for (HostileCorpus.Hostile hostile : corpus) {
            kafka.produce("rgw-notifications", hostile.body());
        }

        Map<String, ConsumerRecord<String, byte[]>> byBody = new HashMap<>();
        await().atMost(DEADLINE).until(() -> {
            // Refused HTTP pushes are dead-lettered too; this test is about the Kafka door.
            deadLetters.poll(Duration.ofMillis(500)).forEach(record -> {
                if ("kafka".equals(header(record, "ledger-source"))) {
                    byBody.put(key(record.value()), record);
                }
            });
            return corpus.stream().allMatch(hostile -> byBody.containsKey(key(expectedDeadLetterBody(hostile))));
        });

        SoftAssertions softly = new SoftAssertions();
        for (HostileCorpus.Hostile hostile : corpus) {
            ConsumerRecord<String, byte[]> deadLetter = byBody.get(key(expectedDeadLetterBody(hostile)));
            softly.assertThat(header(deadLetter, "ledger-reject-reason")).as(hostile.name()).isIn(hostile.reasons());
            softly.assertThat(header(deadLetter, "ledger-reject-detail")).as(hostile.name()).isNotBlank();
            softly.assertThat(header(deadLetter, "ledger-source")).as(hostile.name()).isEqualTo("kafka");
            softly.assertThat(header(deadLetter, "ledger-received-at")).as(hostile.name()).isNotBlank();
            softly.assertThat(header(deadLetter, "ledger-original-bytes")).as(hostile.name())
                    .isEqualTo(String.valueOf(hostile.body().length));
        }
        softly.assertAll();

        assertStillProcessing("after-hostile-kafka");
    }

    /** Dead letters keep the first 64 KiB of an oversize body. */
    private static byte[] expectedDeadLetterBody(HostileCorpus.Hostile hostile) {
        return hostile.body().length > 64 * 1024 ? Arrays.copyOf(hostile.body(), 64 * 1024) : hostile.body();
    }

    private static String key(byte[] body) {
        return new String(body, StandardCharsets.ISO_8859_1);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void assertStillProcessing(String purpose) {
        assertThat(ledger.ready("ingest").status()).isEqualTo(200);
        String bucket = Ledger.freshBucket(purpose);
        assertThat(ledger.push(Ledger.fixtureInBucket("05-put-empty-object.json", bucket)).status()).isEqualTo(200);
        await().atMost(DEADLINE).until(() -> ledger.catalogObject(bucket, "empty.txt").status() == 200);
    }
}
