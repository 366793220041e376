package io.objectledger.events.object;

/** Which version a lifecycle rule acted on. */
public enum LifecycleScope {
    /** The current version (in an unversioned bucket: the object). */
    CURRENT,
    /** A noncurrent version of a versioned object; the current state is unchanged. */
    NONCURRENT,
    /** An expired delete marker, removed by the rule. */
    DELETE_MARKER
}
