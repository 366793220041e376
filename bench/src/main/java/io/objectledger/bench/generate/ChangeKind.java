package io.objectledger.bench.generate;

/** What happened to an object at the gateway, with the RGW 16.2 event name it is notified as. */
public enum ChangeKind {
    PUT("ObjectCreated:Put", true),
    COPY("ObjectCreated:Copy", true),
    MULTIPART("ObjectCreated:CompleteMultipartUpload", true),
    DELETE("ObjectRemoved:Delete", false),
    DELETE_MARKER("ObjectRemoved:DeleteMarkerCreated", false),
    EXPIRE_CURRENT("ObjectLifecycle:Expiration:Current", false);

    private final String eventName;
    private final boolean leavesObjectPresent;

    ChangeKind(String eventName, boolean leavesObjectPresent) {
        this.eventName = eventName;
        this.leavesObjectPresent = leavesObjectPresent;
    }

    public String eventName() {
        return eventName;
    }

    /** The catalog's reading of the change: present after a create, removed after the others. */
    public boolean leavesObjectPresent() {
        return leavesObjectPresent;
    }
}
