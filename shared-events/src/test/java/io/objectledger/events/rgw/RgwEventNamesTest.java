package io.objectledger.events.rgw;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every name Ceph's rgw_notify_event_type.cc sends (Pacific to main), and the AWS names other
 * gateways send, each with what it becomes. Wildcards exist only in notification configurations.
 */
class RgwEventNamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "ObjectCreated:Put                            | RecordObjectCreated",
            "ObjectCreated:Post                           | RecordObjectCreated",
            "ObjectCreated:Copy                           | RecordObjectCreated",
            "ObjectCreated:CompleteMultipartUpload        | RecordObjectCreated",
            "ObjectSynced:Create                          | RecordObjectCreated",
            "Replication:Create                           | RecordObjectCreated",
            "ObjectRemoved:Delete                         | RecordObjectRemoved",
            "ObjectSynced:Delete                          | RecordObjectRemoved",
            "Replication:Delete                           | RecordObjectRemoved",
            "ObjectRemoved:DeleteMarkerCreated            | RecordObjectRemoved(delete marker)",
            "ObjectSynced:DeletionMarkerCreated           | RecordObjectRemoved(delete marker)",
            "Replication:DeletionMarkerCreated            | RecordObjectRemoved(delete marker)",
            "ObjectLifecycle:Expiration:Current           | RecordObjectExpired(CURRENT)",
            "ObjectLifecycle:Expiration:Noncurrent        | RecordObjectExpired(NONCURRENT)",
            "ObjectLifecycle:Expiration:NonCurrent        | RecordObjectExpired(NONCURRENT)",
            "ObjectLifecycle:Expiration:DeleteMarker      | RecordObjectExpired(DELETE_MARKER)",
            "LifecycleExpiration:Delete                   | RecordObjectExpired(CURRENT)",
            "LifecycleExpiration:DeleteMarkerCreated      | RecordObjectExpired(DELETE_MARKER)",
            "ObjectLifecycle:Transition:Current           | RecordObjectTransitioned(CURRENT)",
            "ObjectLifecycle:Transition:Noncurrent        | RecordObjectTransitioned(NONCURRENT)",
            "ObjectLifecycle:Transition:NonCurrent        | RecordObjectTransitioned(NONCURRENT)",
            "LifecycleTransition                          | RecordObjectTransitioned(CURRENT)",
            "ObjectLifecycle:Expiration:AbortMPU          | ignored",
            "ObjectLifecycle:Expiration:AbortMultipartUpload | ignored",
            "ObjectRestore:Post                           | ignored",
            "ObjectRestore:Completed                      | ignored",
            "ObjectRestore:Delete                         | ignored"
    })
    void eachEventNameBecomesItsCommandOrIsIgnoredOnPurpose(String eventName, String handling) {
        assertThat(EventHandling.of(eventName)).isEqualTo(handling);
        assertThat(EventHandling.of("s3:" + eventName)).as("with the AWS prefix").isEqualTo(handling);
        assertThat(RgwCommandMapper.eventNames()).contains(eventName);
        assertThat(RgwCommandMapper.isIgnored(eventName)).isEqualTo(handling.equals("ignored"));
    }

    @Test
    void everyKnownNameIsInTheTableAbove() {
        assertThat(RgwCommandMapper.eventNames()).hasSize(27);
    }

    @Test
    void lifecycleDeleteOfAVersionIsANoncurrentExpiry() {
        RgwRecord versioned = EventHandling.recordNamed("LifecycleExpiration:Delete", "15-versioned-put-v1.json");

        assertThat(versioned.versionId()).isNotEmpty();
        assertThat(EventHandling.of(versioned)).isEqualTo("RecordObjectExpired(NONCURRENT)");
    }

    @Test
    void awsLifecycleDeleteMarkerCreatedHidesTheCurrentVersion() {
        RgwRecord ceph = EventHandling.recordNamed("LifecycleExpiration:DeleteMarkerCreated", "01-put-with-metadata.json");
        RgwRecord aws = new RgwRecord(ceph.eventVersion(), "aws:s3", ceph.eventName(), ceph.eventTime(),
                ceph.principalId(), ceph.ownerId(), ceph.sourceIp(), ceph.requestId(), ceph.gatewayId(),
                ceph.configurationId(), ceph.bucket(), ceph.key(), ceph.size(), ceph.eTag(), ceph.versionId(),
                ceph.sequencer(), ceph.metadata(), ceph.tags(), ceph.eventId(), ceph.opaqueData());

        assertThat(EventHandling.of(aws)).isEqualTo("RecordObjectExpired(CURRENT, delete marker)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ObjectCreated:*", "ObjectRemoved:*", "ObjectLifecycle:*", "ObjectLifecycle:Expiration:*",
            "ObjectLifecycle:Transition:*", "ObjectSynced:*", "LifecycleExpiration:*", "Replication:*",
            "ObjectRestore:*", "UnknownEvent", "UnknownEvet", "ObjectTagging:Put", "ObjectAcl:Put",
            "ObjectLifecycle:Expiration:noncurrent", "objectcreated:put"})
    void wildcardsAndNamesRgwNeverSendsAreRefused(String eventName) {
        assertThatThrownBy(() -> EventHandling.of(eventName))
                .isInstanceOfSatisfying(RejectedNotificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.UNKNOWN_EVENT));
    }
}
