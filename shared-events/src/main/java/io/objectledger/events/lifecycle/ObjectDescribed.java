package io.objectledger.events.lifecycle;

import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;

import java.time.Instant;

/**
 * The ledger read an object version's facts with HeadObject, because the notification lacked
 * them: RGW never reports the content type, and lifecycle transitions report size 0. The facts
 * replace what the ledger knew of that version; the S3 request id is {@code change.requestId}.
 *
 * @param facts        as HeadObject answered: content length as {@code size}, eTag, content type,
 *                     user metadata, and the version it describes; HeadObject does not return tags,
 *                     so these are the tags of the event that prompted the description, and the
 *                     version's recorded tags (in {@code stateAfter}) are left as they are
 * @param lastModified the version's Last-Modified (whole seconds, as HTTP gives it)
 */
public record ObjectDescribed(ObjectIdentity object, ObjectFacts facts, Instant lastModified, ChangeContext change,
                              StateAfter stateAfter) implements LifecycleEvent {

    public ObjectDescribed {
        stateAfter = StateAfter.orUnknown(stateAfter);
    }
}
