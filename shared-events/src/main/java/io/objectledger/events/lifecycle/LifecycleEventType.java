package io.objectledger.events.lifecycle;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The CloudEvents {@code type} of every lifecycle event, {@code io.objectledger.object.<name>.v<n>}:
 * the suffix is the contract version.
 */
public enum LifecycleEventType {
    // What the gateway reported.
    OBJECT_CREATED("created.v1", ObjectCreated.class), OBJECT_REMOVED("removed.v1", ObjectRemoved.class),
    OBJECT_EXPIRED("expired.v1", ObjectExpired.class),
    OBJECT_TRANSITIONED("transitioned.v1", ObjectTransitioned.class),
    // What a policy did, or could not do.
    TAGS_APPLIED("tags-applied.v1", TagsApplied.class), TAGGING_FAILED("tagging-failed.v1", TaggingFailed.class),
    RETENTION_APPLIED("retention-applied.v1", RetentionApplied.class),
    RETENTION_FAILED("retention-failed.v1", RetentionFailed.class),
    RETENTION_VIOLATED("retention-violated.v1", RetentionViolated.class),
    RETENTION_ENDED("retention-ended.v1", RetentionEnded.class),
    DISPOSITION_APPLIED("disposition-applied.v1", DispositionApplied.class),
    // What HeadObject added to the notification.
    OBJECT_DESCRIBED("described.v1", ObjectDescribed.class),
    DESCRIPTION_FAILED("description-failed.v1", DescriptionFailed.class);

    public static final String SOURCE = "/object-ledger/lifecycle-service";
    private static final String TYPE_PREFIX = "io.objectledger.object.";

    private final String cloudEventType;
    private final Class<? extends LifecycleEvent> eventClass;

    LifecycleEventType(String nameAndVersion, Class<? extends LifecycleEvent> eventClass) {
        this.cloudEventType = TYPE_PREFIX + nameAndVersion;
        this.eventClass = eventClass;
    }

    public String cloudEventType() {
        return cloudEventType;
    }

    public Class<? extends LifecycleEvent> eventClass() {
        return eventClass;
    }

    /** Classpath resource of the JSON Schema of this type's data, published with the contract. */
    public String schemaResource() {
        return "/schemas/" + cloudEventType + ".json";
    }

    public static LifecycleEventType of(LifecycleEvent event) {
        return ofEventClass(event.getClass());
    }

    /** The type of events of class {@code eventClass} (an event's class, or one read from a store). */
    public static LifecycleEventType ofEventClass(Class<?> eventClass) {
        return BY_EVENT_CLASS.get(eventClass);
    }

    public static Optional<LifecycleEventType> ofCloudEventType(String cloudEventType) {
        return Optional.ofNullable(BY_CLOUD_EVENT_TYPE.get(cloudEventType));
    }

    // Looked up for every event published or received, so built once rather than scanned per call.
    private static final Map<String, LifecycleEventType> BY_CLOUD_EVENT_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(LifecycleEventType::cloudEventType, Function.identity()));

    private static final ClassValue<LifecycleEventType> BY_EVENT_CLASS = new ClassValue<>() {
        @Override
        protected LifecycleEventType computeValue(Class<?> eventClass) {
            return Arrays.stream(values())
                    .filter(type -> type.eventClass.isAssignableFrom(eventClass))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("not a lifecycle event: " + eventClass.getName()));
        }
    };
}
