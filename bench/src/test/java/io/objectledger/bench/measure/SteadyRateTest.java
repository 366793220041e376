package io.objectledger.bench.measure;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SteadyRateTest {

    @Test
    void leavesOutTheSlowStartAndTheEnd() {
        // 1,000 changes: 100 in the first 5 s (warming up), then 200/s, then a slow last batch.
        List<LedgerProgress> readings = List.of(
                audited(1_000, 20), audited(5_000, 100), audited(6_000, 300), audited(7_000, 500),
                audited(8_000, 700), audited(9_000, 900), audited(15_000, 1_000));

        // From the first reading at >= 200 entries (300 at 6 s) to the first at >= 800 (900 at 9 s).
        assertThat(SteadyRate.of(readings, 0, 1_000)).hasValueSatisfying(
                perSecond -> assertThat(perSecond).isCloseTo(200.0, within(0.001)));
    }

    @Test
    void countsOnlyThePhasesOwnChanges() {
        List<LedgerProgress> readings = List.of(audited(1_000, 5_000), audited(2_000, 5_300), audited(4_000, 5_900));

        assertThat(SteadyRate.of(readings, 5_000, 1_000)).hasValueSatisfying(
                perSecond -> assertThat(perSecond).isCloseTo(300.0, within(0.001)));
    }

    @Test
    void isEmptyWhenTheReadingsNeverGetThere() {
        assertThat(SteadyRate.of(List.of(audited(1_000, 100), audited(2_000, 300)), 0, 1_000)).isEmpty();
    }

    private static LedgerProgress audited(long elapsedMillis, long auditEntries) {
        return new LedgerProgress(elapsedMillis, 0, 0, 0, 0, auditEntries, 0, 0);
    }
}
