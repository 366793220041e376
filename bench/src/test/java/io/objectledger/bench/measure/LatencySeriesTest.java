package io.objectledger.bench.measure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class LatencySeriesTest {

    @Test
    void splitsAPhaseByWhenItsSamplesWereProduced() {
        LatencySeries series = new LatencySeries();
        // A slow first window (a cold stack), then fast ones.
        series.add(1_000, 900);
        series.add(5_000, 1_200);
        series.add(11_000, 150);
        series.add(19_999, 200);
        series.add(21_000, 120);
        series.missing(1);

        assertThat(series.byWindow(1_000, 10_000)).extracting(Latencies::samples, Latencies::max)
                .containsExactly(tuple(2, 1_200L),
                        tuple(2, 200L),
                        tuple(1, 120L));
        assertThat(series.overall()).isEqualTo(new Latencies(5, 200, 1_200, 1_200, 1));
    }

    @Test
    void countsASampleProducedBeforeTheStartInTheFirstWindow() {
        LatencySeries series = new LatencySeries();
        series.add(500, 300);

        assertThat(series.byWindow(1_000, 10_000)).extracting(Latencies::max).containsExactly(300L);
    }
}
