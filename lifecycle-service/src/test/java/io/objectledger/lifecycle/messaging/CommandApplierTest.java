package io.objectledger.lifecycle.messaging;

import io.objectledger.events.command.ObjectCommand;
import io.objectledger.events.command.RecordObjectCreated;
import io.objectledger.events.json.CommandCodec;
import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;
import io.objectledger.lifecycle.command.ChangeOutcome;
import io.objectledger.support.consumer.RecordAttempts;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which commands of a batch are applied, tried again or dead-lettered, and when. */
class CommandApplierTest {

    private static final String TOPIC = "object-commands";
    private static final String DLQ = "object-commands-dlq";
    private static final int MAX_ATTEMPTS = 3;
    private static final Instant TIME = Instant.parse("2026-12-07T02:00:00Z");
    private static final long PRODUCED_AT = TIME.toEpochMilli();

    private final CommandCodec codec = new CommandCodec();
    private final ScriptedStore store = new ScriptedStore();
    private final List<ProducerRecord<String, byte[]>> deadLetters = new ArrayList<>();
    private final List<String> applied = new ArrayList<>();
    /** The source offset of a command whose dead letter the broker refuses, or -1. */
    private long refusedOffset = -1;
    private final CommandApplier applier = new CommandApplier(store, this::deadLetter, DLQ,
            new RecordAttempts(MAX_ATTEMPTS), (command, outcome) -> applied.add(command.object().key()));

    @Test
    void goodBatchIsAppliedInOneTransaction() throws Exception {
        List<ConsumerRecord<String, byte[]>> batch = List.of(command(0, "a"), command(1, "b"), command(2, "c"));

        assertThat(applier.handle(batch)).isEqualTo(3);

        assertThat(store.transactions).containsExactly(List.of("a", "b", "c"));
        assertThat(applied).containsExactly("a", "b", "c");
        assertThat(deadLetters).isEmpty();
    }

    @Test
    void poisonCommandHoldsItsPartitionOnlyForItsAttemptsThenIsDeadLetteredAndTheRestApplied() throws Exception {
        ConsumerRecord<String, byte[]> poison = command(1, "poison");
        List<ConsumerRecord<String, byte[]>> batch = List.of(command(0, "before"), poison, command(2, "after"));

        List<String> rounds = asTheLoopDoes(batch, 10);

        assertThat(rounds).containsExactly("done 1", "failed", "failed", "done 2");
        assertThat(applied).containsExactly("before", "after");
        assertThat(deadLetters).singleElement().satisfies(deadLetter -> {
            assertThat(deadLetter.topic()).isEqualTo(DLQ);
            assertThat(deadLetter.key()).isEqualTo(poison.key());
            assertThat(deadLetter.value()).isEqualTo(poison.value());
            assertThat(header(deadLetter, "ledger-reject-reason")).isEqualTo("rejected-command");
            assertThat(header(deadLetter, "ledger-reject-detail"))
                    .isEqualTo("failed 3 times: java.lang.NullPointerException: the aggregate cannot take poison");
            assertThat(header(deadLetter, "ledger-attempts")).isEqualTo("3");
            assertThat(header(deadLetter, "ledger-source-offset")).isEqualTo("1");
        });
    }

    @Test
    void failingCommandBehindDoneOnesCountsNoAttemptUntilItLeadsItsBatch() throws Exception {
        ConsumerRecord<String, byte[]> poison = command(1, "poison");
        List<ConsumerRecord<String, byte[]>> batch = List.of(command(0, "before"), poison, command(2, "after"));

        for (int round = 0; round < MAX_ATTEMPTS * 3; round++) {
            assertThat(applier.handle(batch)).isEqualTo(1);
        }
        assertThat(deadLetters).isEmpty();

        List<ConsumerRecord<String, byte[]>> leading = batch.subList(1, 3);
        for (int attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
            assertThatThrownBy(() -> applier.handle(leading)).isInstanceOf(NullPointerException.class);
        }
        assertThat(deadLetters).isEmpty();
        assertThat(applier.handle(leading)).isEqualTo(2);
        assertThat(deadLetters).singleElement()
                .satisfies(deadLetter -> assertThat(header(deadLetter, "ledger-attempts")).isEqualTo("3"));
    }

    @Test
    void batchThatSucceedsForgetsTheAttemptsOfItsCommands() throws Exception {
        List<ConsumerRecord<String, byte[]>> batch = List.of(command(0, "poison"), command(1, "b"));
        for (int attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
            assertThatThrownBy(() -> applier.handle(batch)).isInstanceOf(NullPointerException.class);
        }
        store.poisonCured = true;
        assertThat(applier.handle(batch)).isEqualTo(2);
        store.poisonCured = false;

        assertThatThrownBy(() -> applier.handle(batch)).isInstanceOf(NullPointerException.class);
        assertThat(deadLetters).isEmpty();
    }

    @Test
    void unreadableCommandIsDeadLetteredOnceHoweverOftenItsBatchFails() throws Exception {
        List<ConsumerRecord<String, byte[]>> batch = List.of(command(0, "poison"), garbage(1), command(2, "b"));

        for (int attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
            assertThatThrownBy(() -> applier.handle(batch)).isInstanceOf(NullPointerException.class);
        }
        store.outage = true;
        for (int round = 0; round < MAX_ATTEMPTS * 3; round++) {
            assertThatThrownBy(() -> applier.handle(batch)).hasRootCauseInstanceOf(SQLException.class);
        }
        store.outage = false;
        assertThat(deadLetters).singleElement()
                .satisfies(deadLetter -> assertThat(header(deadLetter, "ledger-source-offset")).isEqualTo("1"));

        assertThat(applier.handle(batch)).isEqualTo(3);

        assertThat(deadLetters).extracting(deadLetter -> header(deadLetter, "ledger-reject-reason"))
                .containsExactly("unreadable-command", "rejected-command");
        assertThat(applied).containsExactly("b");
    }

    @Test
    void deadLetterTheBrokerRefusesIsSentAgainAndOnlyIt() throws Exception {
        List<ConsumerRecord<String, byte[]>> batch = List.of(garbage(0), garbage(1), command(2, "a"));
        refusedOffset = 1;

        assertThatThrownBy(() -> applier.handle(batch)).isInstanceOf(ExecutionException.class);
        assertThat(applied).isEmpty();
        refusedOffset = -1;

        assertThat(applier.handle(batch)).isEqualTo(3);
        assertThat(deadLetters).extracting(deadLetter -> header(deadLetter, "ledger-source-offset"))
                .containsExactly("0", "1");
        assertThat(applied).containsExactly("a");
    }

    @Test
    void afterADeadLetterTheRestOfTheBatchGoesOnInOneTransaction() throws Exception {
        List<ConsumerRecord<String, byte[]>> batch = List.of(command(0, "poison"), command(1, "x"), command(2, "y"));

        asTheLoopDoes(batch, 10);

        assertThat(store.transactions).endsWith(List.of("x", "y"));
        assertThat(applied).containsExactly("x", "y");
    }

    @Test
    void storeOutageIsTriedAgainForAsLongAsItLastsAndNeverDeadLettered() throws Exception {
        store.outage = true;
        List<ConsumerRecord<String, byte[]>> batch = List.of(command(0, "a"), command(1, "b"));

        for (int round = 0; round < MAX_ATTEMPTS * 3; round++) {
            assertThatThrownBy(() -> applier.handle(batch)).hasRootCauseInstanceOf(SQLException.class);
        }
        store.outage = false;

        assertThat(applier.handle(batch)).isEqualTo(2);
        assertThat(deadLetters).isEmpty();
        assertThat(applied).containsExactly("a", "b");
    }

    @Test
    void outageWhileLookingForThePoisonKeepsWhatIsDone() throws Exception {
        store.outageFromCall = 3;
        List<ConsumerRecord<String, byte[]>> batch = List.of(command(0, "a"), command(1, "b"), command(2, "poison"));

        assertThat(applier.handle(batch)).isEqualTo(1);

        assertThat(applied).containsExactly("a");
        assertThat(deadLetters).isEmpty();
    }

    @Test
    void outageDoesNotCountAsAnAttemptOfThePoison() throws Exception {
        List<ConsumerRecord<String, byte[]>> batch = List.of(command(0, "poison"), command(1, "b"));
        assertThatThrownBy(() -> applier.handle(batch)).isInstanceOf(NullPointerException.class);
        store.outage = true;
        for (int round = 0; round < MAX_ATTEMPTS; round++) {
            assertThatThrownBy(() -> applier.handle(batch)).hasRootCauseInstanceOf(SQLException.class);
        }
        store.outage = false;

        assertThatThrownBy(() -> applier.handle(batch)).isInstanceOf(NullPointerException.class);
        assertThat(deadLetters).isEmpty();
        assertThat(applier.handle(batch)).isEqualTo(2);
        assertThat(deadLetters).hasSize(1);
    }

    @Test
    void unreadableCommandIsDeadLetteredAtOnceWithItsKeyAndBytes() throws Exception {
        ConsumerRecord<String, byte[]> garbage = record(1, "key-of-garbage", "{\"type\":\"Nonsense\"}".getBytes());
        List<ConsumerRecord<String, byte[]>> batch = List.of(command(0, "a"), garbage, command(2, "b"));

        assertThat(applier.handle(batch)).isEqualTo(3);

        assertThat(store.transactions).containsExactly(List.of("a", "b"));
        assertThat(deadLetters).singleElement().satisfies(deadLetter -> {
            assertThat(deadLetter.key()).isEqualTo("key-of-garbage");
            assertThat(deadLetter.value()).isEqualTo(garbage.value());
            assertThat(header(deadLetter, "ledger-reject-reason")).isEqualTo("unreadable-command");
            assertThat(header(deadLetter, "ledger-reject-detail")).contains("not an object command");
        });
    }

    @Test
    void deadLetterSaysWhyWhereFromAndWhen() {
        ConsumerRecord<String, byte[]> original = record(7, "k", "{}".getBytes());

        ProducerRecord<String, byte[]> deadLetter = CommandDeadLetter.of(DLQ, original, "rejected-command", "why", 5);

        assertThat(header(deadLetter, "ledger-source")).isEqualTo("kafka");
        assertThat(header(deadLetter, "ledger-source-topic")).isEqualTo(TOPIC);
        assertThat(header(deadLetter, "ledger-source-partition")).isEqualTo("2");
        assertThat(header(deadLetter, "ledger-source-offset")).isEqualTo("7");
        assertThat(header(deadLetter, "ledger-received-at")).isEqualTo(TIME.toString());
        assertThat(header(deadLetter, "ledger-original-bytes")).isEqualTo("2");
        assertThat(header(deadLetter, "ledger-reject-detail")).isEqualTo("why");
        assertThat(header(deadLetter, "ledger-attempts")).isEqualTo("5");
    }

    /**
     * Hands the batch to the applier as the consumer loop does: after a failure the same records
     * again, after a partial success the rest. Answers what each round did.
     */
    private List<String> asTheLoopDoes(List<ConsumerRecord<String, byte[]>> batch, int maxRounds) throws Exception {
        List<String> rounds = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> pending = batch;
        for (int round = 0; round < maxRounds && !pending.isEmpty(); round++) {
            try {
                int done = applier.handle(pending);
                rounds.add("done " + done);
                pending = pending.subList(done, pending.size());
            } catch (NullPointerException poisoned) {
                rounds.add("failed");
            }
        }
        assertThat(pending).as("records never done").isEmpty();
        return rounds;
    }

    /** What the broker does with a dead letter: keeps it, unless it comes from {@link #refusedOffset}. */
    private CompletableFuture<?> deadLetter(ProducerRecord<String, byte[]> deadLetter) {
        if (header(deadLetter, "ledger-source-offset").equals(String.valueOf(refusedOffset))) {
            return CompletableFuture.failedFuture(new IllegalStateException("not enough in-sync replicas"));
        }
        deadLetters.add(deadLetter);
        return CompletableFuture.completedFuture(null);
    }

    private static ConsumerRecord<String, byte[]> garbage(long offset) {
        return record(offset, "key-of-garbage-" + offset, "{\"type\":\"Nonsense\"}".getBytes());
    }

    private ConsumerRecord<String, byte[]> command(long offset, String key) {
        ObjectIdentity object = new ObjectIdentity("photos", key);
        ChangeContext change = new ChangeContext("change-" + key, "ObjectCreated:Put", TIME, TIME, "", "u1", "owner",
                "", "req", "gw", "cfg", "");
        ObjectCommand command = new RecordObjectCreated(object, new ObjectFacts(1, "e", "", Map.of(), Map.of()), change);
        return record(offset, object.aggregateId(), codec.encode(command));
    }

    private static ConsumerRecord<String, byte[]> record(long offset, String key, byte[] value) {
        return new ConsumerRecord<>(TOPIC, 2, offset, PRODUCED_AT, TimestampType.CREATE_TIME, -1, -1, key, value,
                new org.apache.kafka.common.header.internals.RecordHeaders(), Optional.empty());
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * A store whose transactions fail for a command named "poison" (as a handler would on a bad
     * field) and, while {@code outage}, for the database.
     */
    private static final class ScriptedStore implements CommandApplier.CommandStore {

        final List<List<String>> transactions = new ArrayList<>();
        boolean outage;
        boolean poisonCured;
        int outageFromCall = Integer.MAX_VALUE;
        int calls;

        @Override
        public List<Object> sendInOneTransaction(List<ObjectCommand> commands) {
            calls++;
            if (outage || calls >= outageFromCall) {
                throw new IllegalStateException("Cannot open a database transaction",
                        new SQLException("Connection refused", "08001"));
            }
            List<String> keys = commands.stream().map(command -> command.object().key()).toList();
            if (keys.contains("poison") && !poisonCured) {
                throw new NullPointerException("the aggregate cannot take poison");
            }
            transactions.add(keys);
            return Collections.nCopies(commands.size(), ChangeOutcome.RECORDED);
        }
    }
}
