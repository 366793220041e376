package io.objectledger.lifecycle.policy;

/** A rule that cannot be applied as written; the message says which rule and why. */
public class PolicyException extends RuntimeException {

    public PolicyException(String message) {
        super(message);
    }
}
