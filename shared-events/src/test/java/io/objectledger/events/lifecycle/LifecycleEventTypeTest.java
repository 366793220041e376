package io.objectledger.events.lifecycle;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The type names are the wire contract: renaming one breaks every consumer that stored it. */
class LifecycleEventTypeTest {

    @Test
    void everyTypeKeepsItsPublishedCloudEventsName() {
        assertThat(Arrays.stream(LifecycleEventType.values()).map(LifecycleEventType::cloudEventType)).containsExactly(
                "io.objectledger.object.created.v1",
                "io.objectledger.object.removed.v1",
                "io.objectledger.object.expired.v1",
                "io.objectledger.object.transitioned.v1",
                "io.objectledger.object.tags-applied.v1",
                "io.objectledger.object.tagging-failed.v1",
                "io.objectledger.object.retention-applied.v1",
                "io.objectledger.object.retention-failed.v1",
                "io.objectledger.object.retention-violated.v1",
                "io.objectledger.object.retention-ended.v1",
                "io.objectledger.object.disposition-applied.v1",
                "io.objectledger.object.described.v1",
                "io.objectledger.object.description-failed.v1");
    }

    @Test
    void everyTypeIsFoundByItsNameAndItsEventClass() {
        for (LifecycleEventType type : LifecycleEventType.values()) {
            assertThat(LifecycleEventType.ofCloudEventType(type.cloudEventType())).contains(type);
            assertThat(LifecycleEventType.ofEventClass(type.eventClass())).isEqualTo(type);
            assertThat(LifecycleEventType.class.getResource(type.schemaResource())).as(type.schemaResource()).isNotNull();
        }
    }
}
