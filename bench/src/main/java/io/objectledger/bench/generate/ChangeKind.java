package io.objectledger.bench.generate;

/** What happened to an object at the gateway, with the RGW 16.2 event name it is notified as. */
public enum ChangeKind {
    PUT, COPY, MULTIPART, DELETE, DELETE_MARKER, EXPIRE_CURRENT;

    public String eventName() {
        return switch (this) {
            case PUT -> "ObjectCreated:Put";
            case COPY -> "ObjectCreated:Copy";
            case MULTIPART -> "ObjectCreated:CompleteMultipartUpload";
            case DELETE -> "ObjectRemoved:Delete";
            case DELETE_MARKER -> "ObjectRemoved:DeleteMarkerCreated";
            case EXPIRE_CURRENT -> "ObjectLifecycle:Expiration:Current";
        };
    }

    /** The catalog's reading of the change: present after a create, removed after the others. */
    public boolean leavesObjectPresent() {
        return eventName().startsWith("ObjectCreated:");
    }
}
