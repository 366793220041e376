package io.objectledger.lifecycle.command;

/** What a command did to the object's history. */
public enum ChangeOutcome {
    RECORDED,
    /** The change was already in the history: a re-delivery or an overlapping notification. */
    DUPLICATE
}
