package io.objectledger.ingest.redrive;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadLetterFilterTest {

    private static final Instant NINE = Instant.parse("2026-12-07T09:00:00Z");
    private static final Instant TEN = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void withoutCriteriaEveryDeadLetterMatches() {
        assertThat(DeadLetterFilter.ALL.matches("unknown-event", NINE)).isTrue();
        assertThat(DeadLetterFilter.ALL.matches(null, NINE)).isTrue();
    }

    @Test
    void aReasonMatchesOnlyDeadLettersWithThatReason() {
        DeadLetterFilter filter = new DeadLetterFilter("unknown-event", null, null);

        assertThat(filter.matches("unknown-event", NINE)).isTrue();
        assertThat(filter.matches("invalid-json", NINE)).isFalse();
        assertThat(filter.matches(null, NINE)).isFalse();
    }

    @Test
    void fromIsInclusiveAndToIsExclusive() {
        DeadLetterFilter filter = new DeadLetterFilter(null, NINE, TEN);

        assertThat(filter.matches("x", NINE.minusMillis(1))).isFalse();
        assertThat(filter.matches("x", NINE)).isTrue();
        assertThat(filter.matches("x", TEN.minusMillis(1))).isTrue();
        assertThat(filter.matches("x", TEN)).isFalse();
    }

    @Test
    void anOpenEndedRangeBoundsOneSideOnly() {
        assertThat(new DeadLetterFilter(null, TEN, null).matches("x", TEN.plusSeconds(86_400))).isTrue();
        assertThat(new DeadLetterFilter(null, TEN, null).matches("x", NINE)).isFalse();
        assertThat(new DeadLetterFilter(null, null, TEN).matches("x", Instant.EPOCH)).isTrue();
    }

    @Test
    void reasonAndRangeMustBothMatch() {
        DeadLetterFilter filter = new DeadLetterFilter("oversize", NINE, TEN);

        assertThat(filter.matches("oversize", NINE.plusSeconds(60))).isTrue();
        assertThat(filter.matches("oversize", TEN.plusSeconds(60))).isFalse();
        assertThat(filter.matches("invalid-json", NINE.plusSeconds(60))).isFalse();
    }

    @Test
    void anEmptyRangeIsRefused() {
        assertThatThrownBy(() -> new DeadLetterFilter(null, TEN, NINE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be before");
        assertThatThrownBy(() -> new DeadLetterFilter(null, TEN, TEN)).isInstanceOf(IllegalArgumentException.class);
    }
}
