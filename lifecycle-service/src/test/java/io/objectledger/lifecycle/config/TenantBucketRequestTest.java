package io.objectledger.lifecycle.config;

import com.sun.net.httpserver.HttpServer;
import io.objectledger.events.object.ObjectIdentity;
import io.objectledger.lifecycle.s3.ObjectStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RGW addresses another tenant's bucket as {@code tenant:bucket}; the SDK takes that name in
 * path-style requests and sends the colon percent-encoded, which RGW decodes.
 */
class TenantBucketRequestTest {

    private static final ObjectIdentity T1_OBJECT = new ObjectIdentity("t1:sharedname", "docs/same file.txt");

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final HttpServer gateway;

    TenantBucketRequestTest() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gateway.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
            exchange.getResponseHeaders().add("x-amz-request-id", "tx-1");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        gateway.start();
    }

    @AfterEach
    void stop() {
        gateway.stop(0);
    }

    @Test
    void tenantsBucketIsSentPathStyleWithTheColonPercentEncoded() {
        try (S3Client s3 = client()) {
            ObjectStore store = new ObjectStore(s3);

            store.putTags(T1_OBJECT, "", Map.of("tenant", "t1"));
            store.describe(T1_OBJECT, "v1", Map.of());
            store.putRetention(T1_OBJECT, "", "GOVERNANCE", Instant.parse("2027-01-01T00:00:00Z"));
            store.putLegalHold(T1_OBJECT, "");
            store.delete(T1_OBJECT, "");
        }

        assertThat(requests).containsExactly(
                "PUT /t1%3Asharedname/docs/same%20file.txt?tagging",
                "HEAD /t1%3Asharedname/docs/same%20file.txt?versionId=v1",
                "PUT /t1%3Asharedname/docs/same%20file.txt?retention",
                "PUT /t1%3Asharedname/docs/same%20file.txt?legal-hold",
                "DELETE /t1%3Asharedname/docs/same%20file.txt");
    }

    @Test
    void defaultTenantsBucketIsItsBareName() {
        try (S3Client s3 = client()) {
            new ObjectStore(s3).delete(new ObjectIdentity("sharedname", "same.txt"), "");
        }

        assertThat(requests).containsExactly("DELETE /sharedname/same.txt");
    }

    private S3Client client() {
        S3Configuration configuration = new S3Configuration();
        configuration.endpoint = "http://localhost:" + gateway.getAddress().getPort();
        configuration.region = "default";
        configuration.accessKey = Optional.of("test");
        configuration.secretKey = Optional.of("test");
        configuration.sdkMaxAttempts = 1;
        configuration.apiCallTimeoutSeconds = 10;
        return configuration.s3Client();
    }
}
