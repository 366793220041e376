package io.objectledger.ingest.rest;

import io.objectledger.ingest.redrive.RedriveRefusedException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RedriveRequestTest {

    @Test
    void aTopicAloneRedrivesEveryDeadLetterOfIt() {
        RedriveRequest request = parse("{\"deadLetterTopic\":\"rgw-notifications-dlq\"}");

        assertThat(request.deadLetterTopic()).isEqualTo("rgw-notifications-dlq");
        assertThat(request.filter().reason()).isNull();
        assertThat(request.filter().from()).isNull();
        assertThat(request.filter().to()).isNull();
    }

    @Test
    void reasonAndRangeAreRead() {
        RedriveRequest request = parse("{\"deadLetterTopic\":\"object-commands-dlq\",\"reason\":\"unreadable-command\","
                + "\"from\":\"2026-12-07T09:00:00Z\",\"to\":\"2026-12-07T10:00:00.5+01:00\"}");

        assertThat(request.filter().reason()).isEqualTo("unreadable-command");
        assertThat(request.filter().from()).isEqualTo(Instant.parse("2026-12-07T09:00:00Z"));
        assertThat(request.filter().to()).isEqualTo(Instant.parse("2026-12-07T09:00:00.5Z"));
    }

    @Test
    void refusalsNameTheirCause() {
        assertRefused("not json", "invalid-json");
        assertRefused("", "invalid-structure");
        assertRefused("[]", "invalid-structure");
        assertRefused("{}", "missing-field");
        assertRefused("{\"deadLetterTopic\":\" \"}", "missing-field");
        assertRefused("{\"deadLetterTopic\":7}", "wrong-type");
        assertRefused("{\"deadLetterTopic\":\"t\",\"reasons\":\"x\"}", "unknown-field");
        assertRefused("{\"deadLetterTopic\":\"t\",\"from\":\"yesterday\"}", "invalid-value");
        assertRefused("{\"deadLetterTopic\":\"t\",\"from\":\"2026-12-07T10:00:00Z\",\"to\":\"2026-12-07T09:00:00Z\"}",
                "invalid-value");
    }

    private static void assertRefused(String body, String code) {
        RedriveRefusedException refused = catchThrowableOfType(RedriveRefusedException.class, () -> parse(body));
        assertThat(refused).as(body).isNotNull();
        assertThat(refused.code()).as(body).isEqualTo(code);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.getMessage()).isNotBlank();
    }

    private static RedriveRequest parse(String body) {
        return RedriveRequest.parse(body.getBytes(StandardCharsets.UTF_8));
    }
}
