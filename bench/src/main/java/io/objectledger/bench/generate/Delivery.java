package io.objectledger.bench.generate;

/**
 * One notification as sent: a change, and what differs between deliveries of the same change.
 * An identical re-send (a persistent topic retrying) repeats everything; a second notification
 * configuration on the same bucket has its own configuration id, sequencer and event id.
 *
 * @param duplicate true for every delivery of a change after its first
 */
public record Delivery(ObjectChange change, boolean duplicate, String configurationId, String sequencer,
                       String eventId, String opaqueData) {

    /** The Kafka record key: the object, so that one object's notifications keep their order. */
    public String partitionKey() {
        return change.bucket() + "/" + change.key();
    }
}
