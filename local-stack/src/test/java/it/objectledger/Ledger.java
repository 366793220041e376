package it.objectledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.objectledger.events.fixtures.RgwFixtures;
import io.objectledger.stack.StackSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/** The running ledger as a client sees it: its HTTP APIs, and captured RGW payloads to feed it. */
public final class Ledger {

    private final StackSettings settings = LocalStackExtension.settings();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    public record Answer(int status, JsonNode body) {
    }

    /** A bucket name no earlier run used, so each test sees only its own objects. */
    public static String freshBucket(String purpose) {
        return "it-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A captured RGW payload, moved into {@code bucket}. */
    public static byte[] fixtureInBucket(String fixture, String bucket) {
        String body = new String(RgwFixtures.read(fixture), StandardCharsets.UTF_8);
        return body.replaceAll("\"name\":\"lab-[a-z]+\"", "\"name\":\"" + bucket + "\"")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** POSTs a body as RGW 16.2 does: plain JSON, the push token in the endpoint's path. */
    public Answer push(byte[] body) {
        return send(pushRequest(settings.pushEndpoint()).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A push request to the endpoint at {@code url}, for tests that set their own credentials or headers. */
    public HttpRequest.Builder pushRequest(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json");
    }

    public String pushUrl() {
        return settings.baseUrl("ingest") + "/api/rgw/notifications";
    }

    public Answer send(HttpRequest.Builder request, byte[] body) {
        return send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Answer catalogObject(String bucket, String key) {
        return get(settings.baseUrl("catalog") + "/api/catalog/" + bucket + "/object?key=" + encode(key));
    }

    public Answer catalogListing(String bucket, String prefix) {
        return get(settings.baseUrl("catalog") + "/api/catalog/" + bucket + "?prefix=" + encode(prefix));
    }

    public Answer auditHistory(String bucket, String key) {
        return get(settings.baseUrl("audit") + "/api/audit/" + bucket + "/object?key=" + encode(key));
    }

    public Answer auditVerification(String bucket, String key) {
        return get(settings.baseUrl("audit") + "/api/audit/" + bucket + "/object/verification?key=" + encode(key));
    }

    public Answer ready(String service) {
        return get(settings.baseUrl(service) + "/health/ready");
    }

    public Answer get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    public Answer metrics(String service) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(settings.baseUrl(service) + "/metrics?scope=application")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), json.getNodeFactory().textNode(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            if (body.isBlank()) {
                return new Answer(response.statusCode(), json.nullNode());
            }
            try {
                return new Answer(response.statusCode(), json.readTree(body));
            } catch (IOException notJson) {
                return new Answer(response.statusCode(), json.getNodeFactory().textNode(body));
            }
        } catch (IOException restarting) {
            // A service being restarted (its liveness probe failed) refuses or resets connections:
            // that is an unavailable service, which every caller here already waits out or asserts on.
            return new Answer(503, json.getNodeFactory().textNode("not answering: " + restarting));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
