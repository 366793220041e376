package io.objectledger.events.rgw;

import io.objectledger.events.fixtures.RgwFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RgwNotificationParserTest {

    /** The lab's captures; the tenant ones (33, 34) have their own test, {@code RgwTenantTest}. */
    static final List<String> FIXTURES = RgwFixtures.ALL.stream().filter(name -> name.compareTo("33") < 0).toList();
    static final List<String> ALL_FIXTURES = RgwFixtures.ALL;

    /** The captures are the bodies as RGW sent them, so a body cut by one byte is never still valid. */
    @ParameterizedTest
    @FieldSource("ALL_FIXTURES")
    void everyCapturedBodyEndsWithItsClosingBraceAndIsRefusedWithoutIt(String fixture) {
        byte[] body = RgwFixtures.read(fixture);

        assertThat(body[body.length - 1]).as(fixture).isEqualTo((byte) '}');
        assertThatThrownBy(() -> parser.parse(Arrays.copyOf(body, body.length - 1)))
                .isInstanceOfSatisfying(RejectedNotificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.INVALID_JSON));
    }

    private final RgwNotificationParser parser = new RgwNotificationParser();

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void everyCapturedPayloadParsesToOneCephRecord(String fixture) {
        List<RgwRecord> records = parser.parse(RgwFixtures.read(fixture));

        assertThat(records).hasSize(1);
        RgwRecord record = records.get(0);
        assertThat(record.eventVersion()).isEqualTo("2.2");
        assertThat(record.eventSource()).isEqualTo("ceph:s3");
        assertThat(record.eventName()).startsWith("Object");
        assertThat(record.bucket()).startsWith("lab-");
        assertThat(record.key()).isNotEmpty();
        assertThat(record.requestId()).isNotEmpty();
        assertThat(record.gatewayId()).isEqualTo("1012-default-default");
        assertThat(record.sequencer()).matches("[0-9A-F]{16}");
        assertThat(record.opaqueData()).isNotEmpty();
    }

    @Test
    void readsMetadataTagsSizeAndTimeOfAPut() {
        RgwRecord record = parser.parse(RgwFixtures.read("03-put-with-metadata-and-tags.json")).get(0);

        assertThat(record.eventName()).isEqualTo("ObjectCreated:Put");
        assertThat(record.eventTime()).isEqualTo(Instant.parse("2026-11-26T21:53:21.983440Z"));
        assertThat(record.bucket()).isEqualTo("lab-bucket");
        assertThat(record.key()).isEqualTo("docs/both.txt");
        assertThat(record.size()).isEqualTo(24);
        assertThat(record.eTag()).isEqualTo("8dd5067d1c62a18c414da9ef1f1dbde6");
        assertThat(record.userMetadata()).containsExactly(Map.entry("color", "red"));
        assertThat(record.tags()).containsExactly(Map.entry("project", "beta"));
        assertThat(record.principalId()).isEqualTo("lab");
        assertThat(record.configurationId()).isEqualTo("notif-sync");
    }

    @Test
    void keepsRawUtf8KeysAndDropsRequestHeadersFromUserMetadata() {
        RgwRecord record = parser.parse(RgwFixtures.read("04-put-key-special-chars.json")).get(0);

        assertThat(record.key()).isEqualTo("dir/with space+plus&amp=1 ü.txt");
        assertThat(record.userMetadata().keySet()).noneMatch(name -> name.startsWith("x-amz-"));
    }

    @Test
    void multipartETagKeepsItsPartCount() {
        RgwRecord record = parser.parse(RgwFixtures.read("06-multipart-complete.json")).get(0);

        assertThat(record.eventName()).isEqualTo("ObjectCreated:CompleteMultipartUpload");
        assertThat(record.eTag()).isEqualTo("efb27105acaa3352c582597dee8f524a-2");
        assertThat(record.size()).isEqualTo(7340032);
    }

    @Test
    void versionedPutCarriesItsVersionIdAndDeleteMarkerDoesNot() {
        RgwRecord put = parser.parse(RgwFixtures.read("15-versioned-put-v1.json")).get(0);
        RgwRecord marker = parser.parse(RgwFixtures.read("17-versioned-delete-creates-marker.json")).get(0);

        assertThat(put.versionId()).isEqualTo("wbwmOTD5TWmNFcoTm994z2XtJhXyB21");
        assertThat(marker.eventName()).isEqualTo("ObjectRemoved:DeleteMarkerCreated");
        assertThat(marker.versionId()).isEmpty();
    }

    @Test
    void acceptsAwsSpellingOlderEtagTenantAndSeveralRecords() {
        String body = """
                {"Records":[
                 {"eventVersion":"2.1","eventName":"s3:ObjectCreated:Put","eventTime":"2024-01-02T03:04:05.000Z",
                  "s3":{"bucket":{"name":"acme:invoices"},"object":{"key":"a.pdf","size":3,"etag":"abc"}}},
                 {"eventVersion":"2.1","eventName":"s3:ObjectRemoved:Delete","eventTime":"2024-01-02T03:04:06.000Z",
                  "s3":{"bucket":{"name":"acme:invoices"},"object":{"key":"b.pdf"}}}]}
                """;

        List<RgwRecord> records = parser.parse(body.getBytes(StandardCharsets.UTF_8));

        assertThat(records).extracting(RgwRecord::eventName)
                .containsExactly("ObjectCreated:Put", "ObjectRemoved:Delete");
        assertThat(records.get(0).eTag()).isEqualTo("abc");
        assertThat(records.get(0).bucket()).isEqualTo("acme:invoices");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "not json", "[]", "{}", "{\"Records\":[]}{}", "{\"Records\":[1]} trailing", "{\"Records\":{}}", "{\"Records\":[]}", "{\"Records\":[1]}",
            "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\"}]}",
            "{\"Records\":[{\"eventVersion\":\"2.2\",\"eventName\":\"ObjectCreated:Put\",\"eventTime\":\"yesterday\","
                    + "\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"key\":\"k\"}}}]}",
            "{\"Records\":[{\"eventVersion\":\"2.2\",\"eventName\":\"ObjectCreated:Put\",\"eventTime\":\"2024-01-02T03:04:05Z\","
                    + "\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"key\":\"k\",\"size\":\"12\"}}}]}",
            "{\"Records\":[{\"eventVersion\":\"2.2\",\"eventName\":\"ObjectCreated:Put\",\"eventTime\":\"2024-01-02T03:04:05Z\","
                    + "\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"key\":7}}}]}",
            "{\"Records\":[{\"eventVersion\":\"2.2\",\"eventName\":\"ObjectCreated:Put\",\"eventTime\":\"2024-01-02T03:04:05Z\","
                    + "\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"key\":\"k\",\"size\":-1}}}]}",
            "{\"Records\":[{\"eventVersion\":\"2.2\",\"eventName\":\"ObjectCreated:Put\",\"eventTime\":\"2024-01-02T03:04:05Z\","
                    + "\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"key\":\"k\",\"size\":99999999999999999999999}}}]}"
    })
    void refusesMalformedBodiesWithAReason(String body) {
        assertThatThrownBy(() -> parser.parse(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RejectedNotificationException.class)
                .hasMessageMatching("[a-z-]+: .+");
    }

    @Test
    void refusesDeepNesting() {
        String deep = "{\"Records\":" + "[".repeat(100) + "]".repeat(100) + "}";

        assertThatThrownBy(() -> parser.parse(deep.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(RejectedNotificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.INVALID_JSON));
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] body = "{\"Records\":[{\"eventName\":\"x\"}]}".getBytes(StandardCharsets.UTF_8);
        body[15] = (byte) 0xC3;
        body[16] = (byte) 0x28;

        assertThatThrownBy(() -> parser.parse(body))
                .isInstanceOfSatisfying(RejectedNotificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.INVALID_UTF8));
    }

    @Test
    void gatewayTestEventHasNoRecords() {
        String testEvent = "{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Time\":\"2026-11-26T10:00:00Z\","
                + "\"Bucket\":\"photos\",\"RequestId\":\"1\",\"HostId\":\"h\"}";

        assertThat(parser.parse(testEvent.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
