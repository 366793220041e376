package it.objectledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.objectledger.events.command.RecordObjectCreated;
import io.objectledger.events.json.CommandCodec;
import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A command lifecycle cannot apply, between good ones on one partition of object-commands, is
 * dead-lettered with its reason and its original key and bytes, and the commands around it are
 * recorded: the partition moves on.
 */
@ExtendWith(LocalStackExtension.class)
public class CommandDeadLetterIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final String COMMANDS = "object-commands";
    private static final int PARTITION = 0;

    private static final CommandCodec CODEC = new CommandCodec();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Ledger ledger;
    private static KafkaTopics kafka;
    private static KafkaProducer<String, byte[]> producer;
    private static KafkaConsumer<String, byte[]> deadLetters;
    private static final List<ConsumerRecord<String, byte[]>> deadLettered = new ArrayList<>();

    @BeforeAll
    static void connect() {
        ledger = new Ledger();
        kafka = new KafkaTopics();
        deadLetters = kafka.rawSubscriber("object-commands-dlq");
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackExtension.settings().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
    }

    @AfterAll
    static void disconnect() {
        producer.close(Duration.ofSeconds(5));
        kafka.close();
    }

    @Test
    public void poisonAndUnreadableCommandsAreDeadLetteredAndThePartitionMovesOn() throws Exception {
        String bucket = Ledger.freshBucket("command-dlq");
        ObjectIdentity before = new ObjectIdentity(bucket, "before.txt");
        ObjectIdentity poisoned = new ObjectIdentity(bucket, "poison.txt");
        ObjectIdentity after = new ObjectIdentity(bucket, "after.txt");
        byte[] unreadable = ("{\"type\":\"RecordObjectCreated\",\"object\":\"" + bucket + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] poison = withoutChange(created(poisoned));
        assertThat(CODEC.decode(poison).change()).as("the poison decodes: the aggregate is what fails on it").isNull();

        send(before.aggregateId(), created(before));
        send("unreadable-" + bucket, unreadable);
        send(poisoned.aggregateId(), poison);
        send(after.aggregateId(), created(after));

        ConsumerRecord<String, byte[]> rejected = awaitDeadLetter(poison);
        assertThat(rejected.key()).isEqualTo(poisoned.aggregateId());
        assertThat(header(rejected, "ledger-reject-reason")).isEqualTo("rejected-command");
        assertThat(header(rejected, "ledger-reject-detail")).startsWith("failed 5 times: ")
                .contains("NullPointerException");
        assertThat(header(rejected, "ledger-attempts")).isEqualTo("5");
        assertThat(header(rejected, "ledger-source")).isEqualTo("kafka");
        assertThat(header(rejected, "ledger-source-topic")).isEqualTo(COMMANDS);
        assertThat(header(rejected, "ledger-source-partition")).isEqualTo(String.valueOf(PARTITION));
        assertThat(header(rejected, "ledger-original-bytes")).isEqualTo(String.valueOf(poison.length));
        assertThat(header(rejected, "ledger-received-at")).isNotBlank();

        ConsumerRecord<String, byte[]> garbage = awaitDeadLetter(unreadable);
        assertThat(garbage.key()).isEqualTo("unreadable-" + bucket);
        assertThat(header(garbage, "ledger-reject-reason")).isEqualTo("unreadable-command");
        assertThat(header(garbage, "ledger-reject-detail")).isNotBlank();

        for (ObjectIdentity good : List.of(before, after)) {
            JsonNode entry = await().atMost(DEADLINE).until(() -> ledger.catalogObject(bucket, good.key()),
                    answer -> answer.status() == 200).body();
            assertThat(entry.get("state").asText()).isEqualTo("PRESENT");
            JsonNode history = await().atMost(DEADLINE).until(() -> ledger.auditHistory(bucket, good.key()),
                    answer -> answer.status() == 200 && answer.body().get("entries").size() >= 1).body();
            assertThat(history.get("entries")).hasSize(1);
            assertThat(history.get("entries").get(0).toString()).contains("change-" + good.key());
        }
        assertThat(ledger.catalogObject(bucket, poisoned.key()).status()).isEqualTo(404);
        assertThat(deadLettered.stream().filter(record -> Arrays.equals(record.value(), poison))).hasSize(1);
        assertThat(ledger.ready("lifecycle").status()).isEqualTo(200);
    }

    private static byte[] created(ObjectIdentity object) {
        Instant now = Instant.now();
        ChangeContext change = new ChangeContext("change-" + object.key() + "-" + UUID.randomUUID(),
                "ObjectCreated:Put", now, now, "", "it-user", "it-owner", "", "it-request", "it-gateway", "it", "");
        return CODEC.encode(new RecordObjectCreated(object, new ObjectFacts(3, "etag", "", Map.of(), Map.of()), change));
    }

    /** A command whose change is missing: it decodes, and the aggregate's handler fails on it every time. */
    private static byte[] withoutChange(byte[] command) throws Exception {
        ObjectNode tree = (ObjectNode) JSON.readTree(command);
        tree.putNull("change");
        return JSON.writeValueAsBytes(tree);
    }

    private static void send(String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(COMMANDS, PARTITION, key, value)).get(30, TimeUnit.SECONDS);
    }

    private static ConsumerRecord<String, byte[]> awaitDeadLetter(byte[] value) {
        return await().atMost(DEADLINE).until(() -> {
            KafkaTopics.pollInto(deadLetters, deadLettered);
            return deadLettered.stream().filter(record -> Arrays.equals(record.value(), value)).findFirst();
        }, Optional::isPresent).orElseThrow();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
