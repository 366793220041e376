package io.objectledger.bench.generate;

/** What happened to an object at the gateway, with the RGW 16.2 event name it is notified as. */
public enum ChangeKind {
    PUT("ObjectCreated:Put"),
    COPY("ObjectCreated:Copy"),
    MULTIPART("ObjectCreated:CompleteMultipartUpload"),
    DELETE("ObjectRemoved:Delete"),
    DELETE_MARKER("ObjectRemoved:DeleteMarkerCreated"),
    EXPIRE_CURRENT("ObjectLifecycle:Expiration:Current");

    private final String eventName;

    ChangeKind(String eventName) {
        this.eventName = eventName;
    }

    public String eventName() {
        return eventName;
    }

    /** The catalog's reading of the change: present after a create, removed after the others. */
    public boolean leavesObjectPresent() {
        return eventName.startsWith("ObjectCreated:");
    }
}
