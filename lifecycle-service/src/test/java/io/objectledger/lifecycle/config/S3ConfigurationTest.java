package io.objectledger.lifecycle.config;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

/** The S3 client's own retries, against a local gateway that fails every request: the requests one call makes. */
class S3ConfigurationTest {

    private final AtomicInteger requests = new AtomicInteger();
    private final HttpServer gateway;

    S3ConfigurationTest() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gateway.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        gateway.start();
    }

    @AfterEach
    void stop() {
        gateway.stop(0);
    }

    @Test
    void aCallIsSentAtMostTheSdkMaxAttemptsTimes() {
        assertThat(requestsOfAFailingCall(3)).isEqualTo(3);
    }

    @Test
    void anSdkLimitOfOneLeavesEveryRetryToTheLedger() {
        assertThat(requestsOfAFailingCall(1)).isEqualTo(1);
    }

    private int requestsOfAFailingCall(int sdkMaxAttempts) {
        try (S3Client s3 = client(sdkMaxAttempts)) {
            assertThatThrownBy(() -> s3.headObject(request -> request.bucket("photos").key("a.txt")))
                    .isInstanceOf(S3Exception.class);
        }
        return requests.get();
    }

    private S3Client client(int sdkMaxAttempts) {
        S3Configuration configuration = new S3Configuration();
        configuration.endpoint = "http://localhost:" + gateway.getAddress().getPort();
        configuration.region = "default";
        configuration.accessKey = Optional.of("test");
        configuration.secretKey = Optional.of("test");
        configuration.sdkMaxAttempts = sdkMaxAttempts;
        configuration.apiCallTimeoutSeconds = 30;
        return configuration.s3Client();
    }
}
