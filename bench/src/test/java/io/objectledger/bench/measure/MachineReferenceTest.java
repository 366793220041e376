package io.objectledger.bench.measure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MachineReferenceTest {

    @Test
    void turnsEveryNotificationIntoACommandEveryRound() {
        MachineReference.Result result = MachineReference.measure(500, 2);

        assertThat(result.commands()).isEqualTo(500);
        assertThat(result.rounds()).isEqualTo(2);
        assertThat(result.cpuMillis()).isPositive();
        assertThat(result.toString()).contains("500 notifications", "best of 2 rounds");
    }
}
