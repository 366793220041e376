package io.objectledger.support.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordAttemptsTest {

    private static final ConsumerRecord<String, byte[]> POISON = new ConsumerRecord<>("object-commands", 1, 42, "k", new byte[0]);
    private static final ConsumerRecord<String, byte[]> NEXT = new ConsumerRecord<>("object-commands", 1, 43, "k", new byte[0]);
    private static final ConsumerRecord<String, byte[]> SAME_OFFSET_ELSEWHERE =
            new ConsumerRecord<>("object-commands", 2, 42, "k", new byte[0]);

    private final RecordAttempts attempts = new RecordAttempts(3);

    @Test
    void eachFailureIsCounted() {
        assertThat(attempts.failed(POISON)).isEqualTo(1);
        assertThat(attempts.failed(POISON)).isEqualTo(2);
        assertThat(attempts.failed(POISON)).isEqualTo(3);
        assertThat(attempts.maxAttempts()).isEqualTo(3);
    }

    @Test
    void eachRecordCountsForItselfByPartitionAndOffset() {
        attempts.failed(POISON);
        attempts.failed(POISON);
        attempts.failed(POISON);

        assertThat(attempts.failed(NEXT)).isEqualTo(1);
        assertThat(attempts.failed(SAME_OFFSET_ELSEWHERE)).isEqualTo(1);
    }

    @Test
    void forgottenRecordStartsAgain() {
        attempts.failed(POISON);
        attempts.failed(POISON);

        attempts.forget(POISON);

        assertThat(attempts.failed(POISON)).isEqualTo(1);
    }

    @Test
    void recordSetAsideIsKnownByItsPositionUntilForgotten() {
        assertThat(attempts.wasSetAside(POISON)).isFalse();

        attempts.setAside(POISON);

        assertThat(attempts.wasSetAside(POISON)).isTrue();
        assertThat(attempts.wasSetAside(NEXT)).isFalse();
        assertThat(attempts.wasSetAside(SAME_OFFSET_ELSEWHERE)).isFalse();
        attempts.forget(POISON);
        assertThat(attempts.wasSetAside(POISON)).isFalse();
    }

    @Test
    void doneBatchForgetsItsRecords() {
        attempts.failed(POISON);
        attempts.setAside(NEXT);
        attempts.failed(SAME_OFFSET_ELSEWHERE);

        attempts.forget(List.of(POISON, NEXT));

        assertThat(attempts.failed(POISON)).isEqualTo(1);
        assertThat(attempts.wasSetAside(NEXT)).isFalse();
        assertThat(attempts.failed(SAME_OFFSET_ELSEWHERE)).isEqualTo(2);
    }

    @Test
    void onlyTheNewestFailingRecordsAreKept() {
        attempts.failed(POISON);
        attempts.setAside(POISON);
        for (int offset = 0; offset < RecordAttempts.MAX_TRACKED; offset++) {
            ConsumerRecord<String, byte[]> other = new ConsumerRecord<>("other", 0, offset, "k", new byte[0]);
            attempts.failed(other);
            attempts.setAside(other);
        }

        assertThat(attempts.failed(POISON)).isEqualTo(1);
        assertThat(attempts.wasSetAside(POISON)).isFalse();
    }

    @Test
    void atLeastOneAttemptIsRequired() {
        assertThatThrownBy(() -> new RecordAttempts(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
