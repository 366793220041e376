package io.objectledger.ingest.rest;

/** The answer to an accepted push: how many object changes it carried. */
public record PushAccepted(int records) {
}
