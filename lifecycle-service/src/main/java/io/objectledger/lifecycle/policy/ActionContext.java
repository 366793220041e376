package io.objectledger.lifecycle.policy;

import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.Sha256;
import io.objectledger.lifecycle.command.LedgerActionCommand;
import io.objectledger.lifecycle.s3.ObjectStore;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.Instant;

/**
 * What every policy action works with: the S3 calls, their retry policy, the aggregate each
 * outcome is recorded by, and the policy version recorded with it. RGW notifies nothing for
 * tagging or retention, so these records are the only ones.
 */
record ActionContext(ObjectStore store, S3Retry retry, CommandGateway commands, String policyVersion) {

    private static final String LEDGER = "object-ledger";

    void send(LedgerActionCommand command) {
        commands.sendAndWait(command);
    }

    /** The ledger's change under the policy in force. */
    ChangeContext change(String eventName, String sourceId, String rule, int attempt, String requestId) {
        return ledgerChange(eventName, sourceId, rule, attempt, requestId, policyVersion);
    }

    /**
     * The ledger's own change: its id is derived from what caused it, so re-running after a crash
     * records a success once; each failed attempt is its own change.
     */
    static ChangeContext ledgerChange(String eventName, String sourceId, String rule, int attempt, String requestId,
                                      String policyVersion) {
        Instant now = Instant.now();
        return new ChangeContext(Sha256.hex(eventName + "\u0000" + sourceId + "\u0000" + rule + "\u0000" + attempt),
                eventName, now, now, "", LEDGER, requestId == null ? "" : requestId, "", rule, policyVersion);
    }
}
