package it.objectledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.TopicConfiguration;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real Ceph RGW pushes its notifications over HTTP to the ingest endpoint, token in the path as
 * RGW 16.2 allows; what a client does through S3 shows up in the catalog and the audit trail.
 */
@ExtendWith(LocalStackExtension.class)
public class RealRgwPushIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static RealRgw rgw;

    @BeforeAll
    static void startRgw() throws Exception {
        rgw = new RealRgw();
    }

    @AfterAll
    static void stopRgw() throws Exception {
        rgw.close();
    }

    @Test
    public void objectsWrittenThroughS3AreCataloguedAndAudited() {
        String bucket = Ledger.freshBucket("rgw");
        notify(bucket, "direct", false);

        PutObjectResponse put = rgw.s3().putObject(request -> request.bucket(bucket).key("reports/2026 Q4 ü.pdf")
                        .metadata(Map.of("department", "finance")).tagging("retention=7y"),
                RequestBody.fromString("quarterly numbers"));
        Ledger ledger = new Ledger();
        JsonNode entry = await().atMost(Duration.ofSeconds(90))
                .until(() -> ledger.catalogObject(bucket, "reports/2026 Q4 ü.pdf"), answer -> answer.status() == 200)
                .body();
        assertThat(entry.get("size").asLong()).isEqualTo("quarterly numbers".length());
        assertThat(entry.get("eTag").asText()).isEqualTo(put.eTag().replace("\"", ""));
        assertThat(JSON.convertValue(entry.get("metadata"), Map.class)).isEqualTo(Map.of("department", "finance"));
        assertThat(JSON.convertValue(entry.get("tags"), Map.class)).isEqualTo(Map.of("retention", "7y"));

        rgw.s3().deleteObject(request -> request.bucket(bucket).key("reports/2026 Q4 ü.pdf"));

        await().atMost(Duration.ofSeconds(90)).until(() ->
                ledger.catalogObject(bucket, "reports/2026 Q4 ü.pdf").body().path("state").asText().equals("REMOVED"));
        JsonNode history = await().atMost(Duration.ofSeconds(90))
                .until(() -> ledger.auditHistory(bucket, "reports/2026 Q4 ü.pdf"),
                        answer -> answer.status() == 200 && answer.body().get("entries").size() >= 2)
                .body().get("entries");
        assertThat(history).extracting(e -> e.get("eventName").asText())
                .containsExactly("ObjectCreated:Put", "ObjectRemoved:Delete");
        assertThat(history.get(0).get("principalId").asText()).isEqualTo("ledger");
    }

    @Test
    public void persistentTopicDeliversToo() {
        String bucket = Ledger.freshBucket("rgw-persistent");
        notify(bucket, "queued", true);

        rgw.s3().putObject(request -> request.bucket(bucket).key("queued.txt"), RequestBody.fromString("later"));

        Ledger ledger = new Ledger();
        // RGW 16.2 scans persistent queues every 30 s.
        await().atMost(Duration.ofSeconds(150)).until(() -> ledger.catalogObject(bucket, "queued.txt").status() == 200);
    }

    private static void notify(String bucket, String name, boolean persistent) {
        String endpoint = LocalStackExtension.settings().pushEndpoint();
        String topicArn = rgw.sns().createTopic(request -> request.name(bucket + "-" + name)
                .attributes(Map.of("push-endpoint", endpoint, "persistent", String.valueOf(persistent)))).topicArn();
        rgw.s3().createBucket(request -> request.bucket(bucket));
        rgw.s3().putBucketNotificationConfiguration(request -> request.bucket(bucket)
                .notificationConfiguration(configuration -> configuration.topicConfigurations(TopicConfiguration.builder()
                        .id(name).topicArn(topicArn).events(Event.S3_OBJECT_CREATED, Event.S3_OBJECT_REMOVED).build())));
    }
}
