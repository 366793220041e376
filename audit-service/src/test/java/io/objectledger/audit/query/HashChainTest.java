package io.objectledger.audit.query;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hash formulas, pinned to values computed outside Java: every stored hash depends on them,
 * so a formula that changed would break every chain recorded with it.
 */
class HashChainTest {

    private static final String PAYLOAD = "{\"a\":1}";
    private static final EntryFields ENTRY = new EntryFields(HashChain.WITH_ACTORS, "event-0", "obj", 0,
            "io.objectledger.object.created.v1", "ObjectCreated:Put", Instant.parse("2026-11-27T10:00:00.123456Z"),
            Instant.parse("2026-11-27T10:00:01Z"), "t1$u1", "t1$owner", "", "tx0001", "4116-default-default",
            PAYLOAD);

    @Test
    void firstFormatHashesTheEventAndPayloadLineByLine() {
        String expected = "05a5c7f48f57a3b85f365780c42cc60794d816ccd15b0033066d7393f8994469";

        assertThat(HashChain.link(HashChain.GENESIS, "event-0", "obj", 0, "io.objectledger.object.created.v1", PAYLOAD))
                .isEqualTo(expected);
        assertThat(HashChain.link(HashChain.GENESIS, withFormat(HashChain.EVENT_ONLY, ENTRY))).isEqualTo(expected);
    }

    @Test
    void secondFormatHashesEveryFieldAsLengthColonValue() {
        assertThat(HashChain.link(HashChain.GENESIS, ENTRY))
                .isEqualTo("c89ff3009f7b40b6f4b0d881b0ce19d598877ba08dac09ad9c978ccd4a0539d5");
    }

    @Test
    void textMovedBetweenNeighbouringFieldsChangesTheHash() {
        EntryFields shifted = new EntryFields(ENTRY.format(), ENTRY.eventId(), ENTRY.objectId(), ENTRY.sequence(),
                ENTRY.eventType(), ENTRY.eventName(), ENTRY.eventTime(), ENTRY.receivedAt(), "t1$u1\nt1$owner", "",
                ENTRY.sourceIp(), ENTRY.requestId(), ENTRY.gatewayId(), ENTRY.payload());

        assertThat(HashChain.link(HashChain.GENESIS, shifted)).isNotEqualTo(HashChain.link(HashChain.GENESIS, ENTRY));
    }

    @Test
    void firstFormatIgnoresWhoActedAndTheSecondDoesNot() {
        EntryFields otherPrincipal = new EntryFields(ENTRY.format(), ENTRY.eventId(), ENTRY.objectId(),
                ENTRY.sequence(), ENTRY.eventType(), ENTRY.eventName(), ENTRY.eventTime(), ENTRY.receivedAt(),
                "mallory", ENTRY.ownerId(), ENTRY.sourceIp(), ENTRY.requestId(), ENTRY.gatewayId(), ENTRY.payload());

        assertThat(HashChain.link(HashChain.GENESIS, otherPrincipal)).isNotEqualTo(HashChain.link(HashChain.GENESIS, ENTRY));
        assertThat(HashChain.link(HashChain.GENESIS, withFormat(HashChain.EVENT_ONLY, otherPrincipal)))
                .isEqualTo(HashChain.link(HashChain.GENESIS, withFormat(HashChain.EVENT_ONLY, ENTRY)));
    }

    private static EntryFields withFormat(int format, EntryFields entry) {
        return new EntryFields(format, entry.eventId(), entry.objectId(), entry.sequence(), entry.eventType(),
                entry.eventName(), entry.eventTime(), entry.receivedAt(), entry.principalId(), entry.ownerId(),
                entry.sourceIp(), entry.requestId(), entry.gatewayId(), entry.payload());
    }
}
