package io.objectledger.lifecycle.eventstore;

import org.axonframework.common.IdentifierFactory;
import org.axonframework.messaging.GenericMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdentifierFactoryTest {

    @Test
    void axonFindsItForEveryMessage() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIdentifierFactory.class);
        assertThat(UUID.fromString(new GenericMessage<>("payload").getIdentifier()).version()).isEqualTo(7);
    }

    @Test
    void identifiersAreUniqueAndSortInTheOrderTheyWereMade() {
        IdentifierFactory factory = new TimeOrderedIdentifierFactory();
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            made.add(factory.generateIdentifier());
        }

        assertThat(new HashSet<>(made)).hasSize(made.size());
        assertThat(made).isSorted();
        assertThat(made).allSatisfy(id -> assertThat(UUID.fromString(id).version()).isEqualTo(7));
    }
}
