package io.objectledger.support.events;

import io.cloudevents.CloudEventData;
import io.cloudevents.rw.CloudEventWriter;

/**
 * What a subscriber needs of a lifecycle-events record (id, type, sequence, data), taken from
 * the CloudEvents SDK's reader of the record as the strings it hands over, because the SDK's own
 * event builder parses every attribute on the way, {@code ce_time} included, which no subscriber
 * here reads and which is a large share of a subscriber's CPU at load.
 */
final class ReceivedAttributes implements CloudEventWriter<ReceivedAttributes> {

    private String id;
    private String type;
    private String sequence;
    private byte[] data;

    @Override
    public ReceivedAttributes withContextAttribute(String name, String value) {
        switch (name) {
            case "id" -> id = value;
            case "type" -> type = value;
            case ReceivedLifecycleEvent.SEQUENCE_EXTENSION -> sequence = value;
            default -> {
                // Not needed by a subscriber (source, subject, time, ...): left as text, unparsed.
            }
        }
        return this;
    }

    @Override
    public ReceivedAttributes end(CloudEventData eventData) {
        data = eventData.toBytes();
        return this;
    }

    @Override
    public ReceivedAttributes end() {
        return this;
    }

    String id() {
        return id;
    }

    String type() {
        return type;
    }

    String sequence() {
        return sequence;
    }

    byte[] data() {
        return data;
    }
}
