package io.objectledger.support.consumer;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerPacingTest {

    @Test
    void defaultsAreTheLoopsTimings() {
        assertThat(ConsumerPacing.DEFAULTS).isEqualTo(new ConsumerPacing(Duration.ofMillis(500),
                Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofMillis(250)));
    }

    @Test
    void backOffDoublesUpToItsLongest() {
        ConsumerPacing pacing = ConsumerPacing.ofMillis(500, 200, 1_000, 250);

        Duration first = pacing.firstBackoff();
        Duration second = pacing.backoffAfter(first);
        Duration third = pacing.backoffAfter(second);
        Duration fourth = pacing.backoffAfter(third);

        assertThat(List.of(first, second, third, fourth)).extracting(Duration::toMillis)
                .containsExactly(200L, 400L, 800L, 1_000L);
        assertThat(pacing.backoffAfter(fourth)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void settingsWithoutTuningOrPacingTakeTheDefaults() {
        ConsumerLoopSettings settings = new ConsumerLoopSettings("broker:9092", "group", "pod-1", List.of("topic"),
                20, ConsumerLoopSettings.DEFAULT_FETCH_WAIT_MS);

        assertThat(settings.pacing()).isEqualTo(ConsumerPacing.DEFAULTS);
        assertThat(settings.consumerConfig()).containsEntry("max.poll.records", 20)
                .containsEntry("fetch.max.wait.ms", 50)
                .containsEntry("group.instance.id", "group-pod-1");
    }
}
