package io.objectledger.bench.generate;

import io.objectledger.events.command.ObjectCommand;
import io.objectledger.events.rgw.RgwCommandMapper;
import io.objectledger.events.rgw.RgwNotificationParser;
import io.objectledger.events.rgw.RgwRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationStreamTest {

    private static final Instant START = Instant.parse("2026-11-26T21:53:18.676671Z");
    private static final LoadMix MIX = new LoadMix(5_000, 800, 0.10, 0.25, 42L, "t/", START);

    private final RgwNotificationParser parser = new RgwNotificationParser();
    private final RgwCommandMapper mapper = new RgwCommandMapper();
    private final NotificationStream stream = NotificationStream.generate(MIX);

    @Test
    void sendsExactlyTheConfiguredNumberOfNotificationsAndDuplicates() {
        assertThat(stream.deliveries()).hasSize(5_000);
        assertThat(stream.deliveries().stream().filter(Delivery::duplicate)).hasSize(500);
        assertThat(stream.expected().events()).isEqualTo(4_500);
        assertThat(stream.expected().objects()).hasSize(800);
    }

    @Test
    void everyNotificationIsAcceptedByTheLedgersParserAndMapper() {
        for (Delivery delivery : stream.deliveries()) {
            List<RgwRecord> records = parser.parse(RgwJson.body(delivery));
            assertThat(records).hasSize(1);
            assertThat(mapper.toCommand(records.get(0), START)).isPresent();
        }
    }

    @Test
    void duplicatesShareTheChangeIdOfTheirChangeAndDistinctChangesDoNot() {
        Map<ObjectChange, Set<String>> changeIds = new IdentityHashMap<>();
        for (Delivery delivery : stream.deliveries()) {
            changeIds.computeIfAbsent(delivery.change(), c -> new HashSet<>()).add(changeId(delivery));
        }
        assertThat(changeIds.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
        Set<String> distinct = changeIds.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        assertThat(distinct).hasSize(4_500);
    }

    @Test
    void someDuplicatesComeThroughASecondNotificationConfiguration() {
        List<Delivery> duplicates = stream.deliveries().stream().filter(Delivery::duplicate).toList();
        assertThat(duplicates).anyMatch(d -> d.configurationId().equals(DeliveryPlan.SECOND_CONFIGURATION))
                .anyMatch(d -> d.configurationId().equals(DeliveryPlan.CONFIGURATION));
    }

    @Test
    void aShareOfObjectsArrivesOutOfGatewayOrderAndTheRestInOrder() {
        Map<String, Instant> lastSeen = new HashMap<>();
        Set<String> objects = new HashSet<>();
        Set<String> reordered = new HashSet<>();
        for (Delivery delivery : stream.deliveries()) {
            if (delivery.duplicate()) {
                continue;
            }
            String object = delivery.change().objectId();
            objects.add(object);
            Instant previous = lastSeen.put(object, delivery.change().eventTime());
            if (previous != null && delivery.change().eventTime().isBefore(previous)) {
                reordered.add(object);
            }
        }
        // A shuffled object with one change cannot show it, so fewer than 25 % show it.
        assertThat(reordered.size()).isBetween(objects.size() / 10, objects.size() / 4);
    }

    @Test
    void theMixHasEveryKindOfChangeAndVersionedObjects() {
        Set<ChangeKind> kinds = stream.deliveries().stream().map(d -> d.change().kind()).collect(Collectors.toSet());
        assertThat(kinds).containsExactlyInAnyOrder(ChangeKind.values());
        assertThat(stream.deliveries()).anyMatch(d -> !d.change().versionId().isEmpty())
                .anyMatch(d -> d.change().versionId().isEmpty());
    }

    @Test
    void theBodyHasTheShapeOfACapturedGatewayNotification() {
        String body = new String(RgwJson.body(stream.deliveries().get(0)), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body).startsWith("{\"Records\":[{\"eventVersion\":\"2.2\",\"eventSource\":\"ceph:s3\","
                        + "\"awsRegion\":\"\",\"eventTime\":\"")
                .contains("\"responseElements\":{\"x-amz-request-id\":\"" + GatewayIds.CLUSTER + ".4114.")
                .contains("\"x-amz-id-2\":\"1012-default-default\"},\"s3\":{\"s3SchemaVersion\":\"1.0\"")
                .containsPattern("\"sequencer\":\"[0-9A-F]{16}\",\"metadata\":\\[\\{\"key\":\"x-amz-content-sha256\"")
                .containsPattern("\"eventTime\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z\"");
    }

    @Test
    void theExpectedStateOfAnObjectIsItsChangeWithTheGreatestEventTime() {
        for (List<ObjectChange> history : stream.histories()) {
            ObjectChange latest = history.stream().max(java.util.Comparator.comparing(ObjectChange::eventTime))
                    .orElseThrow();
            assertThat(stream.expected().objects().get(latest.objectId()).last()).isSameAs(latest);
        }
    }

    @Test
    void theSameSeedGivesTheSameStream() {
        NotificationStream again = NotificationStream.generate(MIX);
        assertThat(RgwJson.body(again.deliveries().get(4_321)))
                .isEqualTo(RgwJson.body(stream.deliveries().get(4_321)));
    }

    private String changeId(Delivery delivery) {
        ObjectCommand command = mapper.toCommand(parser.parse(RgwJson.body(delivery)).get(0), START).orElseThrow();
        return command.change().changeId();
    }
}
