package io.objectledger.ingest.redrive;

import java.util.Locale;

/** Where a re-drive is: only {@link #RUNNING} ones are resumed when ingest starts. */
public enum RedriveState {
    RUNNING, DONE, CANCELLED, FAILED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
