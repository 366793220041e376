package it.objectledger;

import io.objectledger.support.consumer.BatchHandler;
import io.objectledger.support.consumer.ConsumerLoop;
import io.objectledger.support.consumer.ConsumerLoopSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The services' consumer loop on the real broker: failed batches come again, a crashed broker is waited out. */
@ExtendWith(LocalStackExtension.class)
public class ConsumerLoopIT {

    private static final Duration DEADLINE = Duration.ofSeconds(120);

    @Test
    public void failedBatchIsFetchedAgainAndOffsetsAreCommittedOnlyAfterSuccess() throws Exception {
        String topic = "it-loop-" + UUID.randomUUID();
        String group = "it-loop-group-" + UUID.randomUUID();
        Set<String> handled = ConcurrentHashMap.newKeySet();
        List<String> refused = new CopyOnWriteArrayList<>();
        AtomicInteger failuresLeft = new AtomicInteger(2);
        BatchHandler failingTwice = batch -> {
            if (failuresLeft.getAndDecrement() > 0) {
                batch.forEach(record -> refused.add(value(record)));
                throw new IllegalStateException("database down (test)");
            }
            batch.forEach(record -> handled.add(value(record)));
            return batch.size();
        };

        try (KafkaTopics topics = new KafkaTopics(); Admin admin = admin()) {
            for (int i = 0; i < 50; i++) {
                topics.produce(topic, ("record-" + i).getBytes(StandardCharsets.UTF_8));
            }
            try (ConsumerLoop loop = ConsumerLoop.start(settings(group, topic), failingTwice)) {
                await().atMost(DEADLINE).until(() -> handled.size() == 50);
                assertThat(refused).isNotEmpty();
                assertThat(handled).containsAll(refused);
                await().atMost(DEADLINE).until(() -> committed(admin, group) == 50);
                assertThat(loop.failingSince()).isNull();
                assertThat(loop.recordsProcessed()).isEqualTo(50);
            }
        }
    }

    @Test
    public void recordsAHandlerLeftUndoneAreFetchedAgainAndOnlyTheDoneOnesAreCommitted() throws Exception {
        String topic = "it-loop-partial-" + UUID.randomUUID();
        String group = "it-loop-partial-group-" + UUID.randomUUID();
        List<String> seen = new CopyOnWriteArrayList<>();
        BatchHandler twoAtATime = batch -> {
            int done = Math.min(2, batch.size());
            batch.subList(0, done).forEach(record -> seen.add(value(record)));
            return done;
        };

        try (KafkaTopics topics = new KafkaTopics(); Admin admin = admin()) {
            for (int i = 0; i < 9; i++) {
                topics.produce(topic, ("record-" + i).getBytes(StandardCharsets.UTF_8));
            }
            try (ConsumerLoop loop = ConsumerLoop.start(settings(group, topic), twoAtATime)) {
                await().atMost(DEADLINE).until(() -> committed(admin, group) == 9);
                // What was left undone came again, nothing done came twice (the topic may have several partitions).
                assertThat(seen).containsExactlyInAnyOrder("record-0", "record-1", "record-2", "record-3", "record-4",
                        "record-5", "record-6", "record-7", "record-8");
                assertThat(loop.recordsProcessed()).isEqualTo(9);
            }
        }
    }

    @Test
    public void loopResumesAfterTheBrokerWasKilled() throws Exception {
        String topic = "it-loop-crash-" + UUID.randomUUID();
        String group = "it-loop-crash-group-" + UUID.randomUUID();
        Set<String> handled = ConcurrentHashMap.newKeySet();
        BatchHandler recording = batch -> {
            batch.forEach(record -> handled.add(value(record)));
            return batch.size();
        };

        try (KafkaTopics before = new KafkaTopics()) {
            before.produce(topic, "before".getBytes(StandardCharsets.UTF_8));
        }
        try (ConsumerLoop loop = ConsumerLoop.start(settings(group, topic), recording)) {
            await().atMost(DEADLINE).until(() -> handled.contains("before"));

            LocalStackExtension.stack().killKafka();
            LocalStackExtension.stack().startKafka();

            try (KafkaTopics after = new KafkaTopics()) {
                after.produce(topic, "after".getBytes(StandardCharsets.UTF_8));
            }
            await().atMost(DEADLINE).until(() -> handled.contains("after"));
            assertThat(loop.isRunning()).isTrue();
        }
    }

    @Test
    public void aSecondProcessUnderTheSameNameEndsTheFirstOnesLoop() throws Exception {
        String topic = "it-loop-fenced-" + UUID.randomUUID();
        String group = "it-loop-fenced-group-" + UUID.randomUUID();
        Set<String> first = ConcurrentHashMap.newKeySet();
        Set<String> second = ConcurrentHashMap.newKeySet();

        try (KafkaTopics topics = new KafkaTopics()) {
            topics.produce(topic, "one".getBytes(StandardCharsets.UTF_8));
            try (ConsumerLoop older = ConsumerLoop.start(settings(group, topic), recordingInto(first))) {
                await().atMost(DEADLINE).until(() -> first.contains("one"));
                try (ConsumerLoop newer = ConsumerLoop.start(settings(group, topic), recordingInto(second))) {
                    // Static membership: the newer member with the same name fences the older one,
                    // whose loop ends with that error on its thread (its liveness goes DOWN)
                    // instead of polling on in error.
                    await().dontCatchUncaughtExceptions().atMost(DEADLINE).until(() -> !older.isRunning());
                    topics.produce(topic, "two".getBytes(StandardCharsets.UTF_8));
                    await().dontCatchUncaughtExceptions().atMost(DEADLINE).until(() -> second.contains("two"));
                    assertThat(newer.isRunning()).isTrue();
                    assertThat(older.lastFailure()).contains("Another process consumes");
                }
            }
        }
    }

    @Test
    public void aLoopThatClosesLeavesItsGroupAtOnce() throws Exception {
        String topic = "it-loop-leave-" + UUID.randomUUID();
        String group = "it-loop-leave-group-" + UUID.randomUUID();
        Set<String> handled = ConcurrentHashMap.newKeySet();

        try (KafkaTopics topics = new KafkaTopics(); Admin admin = admin()) {
            topics.produce(topic, "one".getBytes(StandardCharsets.UTF_8));
            ConsumerLoop leaving = ConsumerLoop.start(settings(group, topic, "leaving"), recordingInto(handled));
            try (ConsumerLoop staying = ConsumerLoop.start(settings(group, topic, "staying"), recordingInto(handled))) {
                await().atMost(DEADLINE).until(() -> handled.contains("one")
                        && members(admin, group).size() == 2);
                leaving.close();
                // A static member that did not leave would stay listed until its session times out (10 s).
                await().atMost(Duration.ofSeconds(8)).until(() -> members(admin, group),
                        members -> members.equals(Set.of(group + "-staying")));
                topics.produce(topic, "two".getBytes(StandardCharsets.UTF_8));
                await().atMost(DEADLINE).until(() -> handled.contains("two"));
            }
        }
    }

    private static BatchHandler recordingInto(Set<String> handled) {
        return batch -> {
            batch.forEach(record -> handled.add(value(record)));
            return batch.size();
        };
    }

    /** The group's members by their static names ({@code group.instance.id}). */
    private static Set<String> members(Admin admin, String group) throws Exception {
        return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get(10, TimeUnit.SECONDS)
                .members().stream()
                .map(member -> member.groupInstanceId().orElse(member.consumerId()))
                .collect(Collectors.toSet());
    }

    private static ConsumerLoopSettings settings(String group, String topic) {
        return settings(group, topic, "it");
    }

    private static ConsumerLoopSettings settings(String group, String topic, String instance) {
        return new ConsumerLoopSettings(LocalStackExtension.settings().bootstrapServers(), group, instance, List.of(topic),
                20, ConsumerLoopSettings.DEFAULT_FETCH_WAIT_MS);
    }

    private static String value(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                LocalStackExtension.settings().bootstrapServers()));
    }

    private static long committed(Admin admin, String group) throws Exception {
        Map<?, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        return offsets.values().stream().mapToLong(OffsetAndMetadata::offset).sum();
    }
}
