package io.objectledger.lifecycle.config;

import io.objectledger.lifecycle.eventstore.InMemoryEventStore;
import io.objectledger.lifecycle.eventstore.JdbcTransactionManager;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The publisher's claim on its token, on the real JDBC token store (embedded database). */
class TokenStoresTest {

    private static final String PUBLISHER = "lifecycle-events-publisher";

    private final JdbcTransactionManager transactions = InMemoryEventStore.newDatabase();

    @Test
    void anInstanceStartedAgainTakesBackTheClaimItsKilledPredecessorHeld() {
        TokenStore killed = store("lifecycle-7d9f-x2");
        killed.initializeTokenSegments(PUBLISHER, 1);
        killed.storeToken(new GlobalSequenceTrackingToken(41), PUBLISHER, 0);
        // Killed: it never releases the claim.

        TokenStore startedAgain = store("lifecycle-7d9f-x2");

        assertThat(startedAgain.fetchToken(PUBLISHER, 0)).isEqualTo(new GlobalSequenceTrackingToken(41));
    }

    @Test
    void anotherInstanceWaitsForTheClaimToTimeOut() {
        TokenStore owner = store("lifecycle-7d9f-x2");
        owner.initializeTokenSegments(PUBLISHER, 1);
        owner.fetchToken(PUBLISHER, 0);

        assertThatThrownBy(() -> store("lifecycle-7d9f-k8").fetchToken(PUBLISHER, 0))
                .isInstanceOf(UnableToClaimTokenException.class);
    }

    private TokenStore store(String instance) {
        return TokenStores.claimingAs(instance, transactions, Serializers.events());
    }
}
