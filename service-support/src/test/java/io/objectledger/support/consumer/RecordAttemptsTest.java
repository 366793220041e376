package io.objectledger.support.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordAttemptsTest {

    private static final ConsumerRecord<String, byte[]> POISON = new ConsumerRecord<>("object-commands", 1, 42, "k", new byte[0]);
    private static final ConsumerRecord<String, byte[]> NEXT = new ConsumerRecord<>("object-commands", 1, 43, "k", new byte[0]);
    private static final ConsumerRecord<String, byte[]> SAME_OFFSET_ELSEWHERE =
            new ConsumerRecord<>("object-commands", 2, 42, "k", new byte[0]);

    private final RecordAttempts attempts = new RecordAttempts(3);

    @Test
    void recordIsExhaustedAfterItsMaximumOfFailures() {
        assertThat(attempts.failed(POISON)).isEqualTo(1);
        assertThat(attempts.exhausted(POISON)).isFalse();
        assertThat(attempts.failed(POISON)).isEqualTo(2);
        assertThat(attempts.exhausted(POISON)).isFalse();
        assertThat(attempts.failed(POISON)).isEqualTo(3);

        assertThat(attempts.exhausted(POISON)).isTrue();
    }

    @Test
    void eachRecordCountsForItselfByPartitionAndOffset() {
        attempts.failed(POISON);
        attempts.failed(POISON);
        attempts.failed(POISON);

        assertThat(attempts.exhausted(NEXT)).isFalse();
        assertThat(attempts.exhausted(SAME_OFFSET_ELSEWHERE)).isFalse();
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
    void onlyTheNewestFailingRecordsAreKept() {
        attempts.failed(POISON);
        for (int offset = 0; offset < RecordAttempts.MAX_TRACKED; offset++) {
            attempts.failed(new ConsumerRecord<>("other", 0, offset, "k", new byte[0]));
        }

        assertThat(attempts.failed(POISON)).isEqualTo(1);
    }

    @Test
    void atLeastOneAttemptIsRequired() {
        assertThatThrownBy(() -> new RecordAttempts(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
