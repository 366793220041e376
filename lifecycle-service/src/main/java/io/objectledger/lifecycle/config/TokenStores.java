package io.objectledger.lifecycle.config;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.serialization.Serializer;

/**
 * The publisher's token store, claiming as this instance ({@code ledger.instance}, the pod name).
 * Axon's default owner is {@code pid@host}, which changes at every start, so a lifecycle killed
 * and started again would wait for its own dead claim to time out before publishing anything,
 * while already reporting ready. Under a stable name it takes its claim back at once; another
 * instance still waits for the timeout.
 */
final class TokenStores {

    private TokenStores() {
    }

    static TokenStore claimingAs(String instance, ConnectionProvider connections, Serializer serializer) {
        return JdbcTokenStore.builder()
                .connectionProvider(connections)
                .serializer(serializer)
                .nodeId(instance)
                .build();
    }
}
