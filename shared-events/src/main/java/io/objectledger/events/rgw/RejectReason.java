package io.objectledger.events.rgw;

/** Why a notification was refused; the code goes into dead-letter headers and HTTP answers. */
public enum RejectReason {
    INVALID_UTF8("invalid-utf8"),
    INVALID_JSON("invalid-json"),
    INVALID_STRUCTURE("invalid-structure"),
    MISSING_FIELD("missing-field"),
    WRONG_TYPE("wrong-type"),
    INVALID_VALUE("invalid-value"),
    KEY_TOO_LONG("key-too-long"),
    NO_RECORDS("no-records"),
    UNKNOWN_EVENT("unknown-event"),
    OVERSIZE("oversize"),
    INVALID_CLOUDEVENT("invalid-cloudevent"),
    UNPROCESSABLE("unprocessable");

    private final String code;

    RejectReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
