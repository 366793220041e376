package io.objectledger.events.rgw;

/** A notification that can never be accepted, with the reason an operator can act on. */
public class RejectedNotificationException extends RuntimeException {

    private final RejectReason reason;

    public RejectedNotificationException(RejectReason reason, String detail) {
        super(reason.code() + ": " + detail);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }
}
