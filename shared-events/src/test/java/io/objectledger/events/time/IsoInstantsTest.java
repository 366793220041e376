package io.objectledger.events.time;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsoInstantsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "2026-11-26T21:54:37Z", "2026-11-26T21:54:37.8Z", "2026-11-26T21:54:37.810Z",
            "2026-11-26T21:54:37.810219Z", "2026-11-27T09:47:27.893414733Z", "1970-01-01T00:00:00Z",
            "2026-11-26T23:54:37.810219+02:00", "2026-11-26T19:24:37-02:30", "2024-02-29T12:00:00Z",
            "2016-12-31T23:59:60Z", "+12026-11-26T21:54:37Z", "2026-11-26t21:54:37.5z",
            "2026-11-26T21:54:37.Z"})
    void readsWhatInstantParseReadsAsTheSameInstant(String text) {
        assertThat(IsoInstants.parse(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026-11-26", "2026-11-26T21:54:37", "2026-13-26T21:54:37Z", "2026-02-30T21:54:37Z",
            "2026-11-26T25:54:37Z", "yesterday", "1764193077",
            "2026-11-26 21:54:37Z", "2026-11-26T21:54:37.1234567890Z", "2026-11-26T21:54Z", " 2026-11-26T21:54:37Z"})
    void refusesWhatInstantParseRefusesWithItsError(String text) {
        assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoInstants.parse(text)).isInstanceOf(DateTimeParseException.class);
    }
}
