package io.objectledger.ingest.redrive;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RedriveCodecTest {

    private final RedriveCodec codec = new RedriveCodec();

    @Test
    void aRedriveReadsBackAsItWasSaved() {
        Instant now = Instant.parse("2026-12-07T10:00:00.123Z");
        Redrive redrive = new Redrive(
                new RedriveDefinition("r-1", "rgw-notifications-dlq", "rgw-notifications",
                        new DeadLetterFilter("unknown-event", now.minusSeconds(60), now), now),
                RedriveProgress.starting("ingest-0", Map.of(0, 5L, 1, 0L), Map.of(0, 9L, 1, 3L), now)
                        .afterBatch(Map.of(0, 7L), 2, 1, 1, now.plusSeconds(1)));

        Redrive read = codec.decode(codec.encode(redrive));

        assertThat(read).isEqualTo(redrive);
        assertThat(read.progress().remaining()).isEqualTo(5);
    }

    @Test
    void aRedriveWithoutCriteriaReadsBackWithout() {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");
        Redrive redrive = new Redrive(new RedriveDefinition("r-2", "object-commands-dlq", "object-commands",
                DeadLetterFilter.ALL, now), RedriveProgress.starting("local", Map.of(), Map.of(), now)
                .finished(RedriveState.FAILED, "broker gone", now));

        assertThat(codec.decode(codec.encode(redrive))).isEqualTo(redrive);
    }
}
