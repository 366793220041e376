package io.objectledger.lifecycle.policy;

import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Keeps what the enforcer sends to the aggregate, in order. */
public final class RecordingGateway implements CommandGateway {

    public final List<Object> sent = new ArrayList<>();
    /** Commands from this one on fail, as when the event store is down. */
    public int failFrom = Integer.MAX_VALUE;

    @Override
    @SuppressWarnings("unchecked")
    public <R> R sendAndWait(Object command) {
        if (sent.size() >= failFrom) {
            throw new IllegalStateException("event store down (test)");
        }
        sent.add(command);
        return null;
    }

    @Override
    public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <R> CompletableFuture<R> send(Object command) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
        throw new UnsupportedOperationException();
    }
}
