package io.objectledger.lifecycle.command;

import io.objectledger.events.command.ObjectCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Routes a command to its object's aggregate. The commands are shared-events records with no
 * Axon annotations, so the target comes from the object identity instead.
 */
public class ObjectCommandTargetResolver implements CommandTargetResolver {

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (command.getPayload() instanceof ObjectCommand objectCommand) {
            return new VersionedAggregateIdentifier(objectCommand.object().aggregateId(), null);
        }
        if (command.getPayload() instanceof LedgerActionCommand action) {
            return new VersionedAggregateIdentifier(action.object().aggregateId(), null);
        }
        throw new IllegalArgumentException("not an object command: " + command.getPayloadType().getName());
    }
}
