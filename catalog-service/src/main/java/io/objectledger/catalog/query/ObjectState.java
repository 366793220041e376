package io.objectledger.catalog.query;

public enum ObjectState {
    PRESENT,
    REMOVED
}
