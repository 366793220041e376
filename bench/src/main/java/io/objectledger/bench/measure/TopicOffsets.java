package io.objectledger.bench.measure;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Records on a topic and how far a consumer group has committed: with one consumer group per
 * service, committed = end offsets means the service has made durable everything on the topic.
 */
public final class TopicOffsets implements AutoCloseable {

    private static final int PARTITIONS_AT_MOST = 64;

    private final Admin admin;

    public TopicOffsets(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
    }

    /** Records on the topic: the sum of its partitions' end offsets (nothing is compacted or deleted). */
    public long records(String topic) {
        try {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            int partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            for (int p = 0; p < Math.min(partitions, PARTITIONS_AT_MOST); p++) {
                request.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            long total = 0;
            for (ListOffsetsResult.ListOffsetsResultInfo info : admin.listOffsets(request).all()
                    .get(10, TimeUnit.SECONDS).values()) {
                total += info.offset();
            }
            return total;
        } catch (Exception e) {
            return -1;
        }
    }

    /** Offsets the group has committed on the topic, summed over partitions; -1 if not known now. */
    public long committed(String group, String topic) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
        } catch (Exception e) {
            return -1;
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
