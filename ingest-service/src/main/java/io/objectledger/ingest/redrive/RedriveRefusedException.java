package io.objectledger.ingest.redrive;

/** A re-drive that cannot be started or found: the HTTP status and the problem's code say why. */
public class RedriveRefusedException extends RuntimeException {

    private final int status;
    private final String code;

    public RedriveRefusedException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
