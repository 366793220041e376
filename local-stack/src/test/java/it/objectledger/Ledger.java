package it.objectledger;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.objectledger.events.fixtures.RgwFixtures;
import io.objectledger.stack.AccessTokens;
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
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;

/**
 * The running ledger as a client sees it: its HTTP APIs, called with a token of the role each
 * needs (all tenants), and captured RGW payloads to feed it.
 */
public final class Ledger {

    private final StackSettings settings = LocalStackExtension.settings();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    public record Answer(int status, JsonNode body) {
    }

    private AccessTokens issuer;

    /** The stack's issuer, read once the stack has started (it makes its key at the first start). */
    public synchronized AccessTokens issuer() {
        if (issuer == null) {
            try {
                issuer = AccessTokens.in(settings.keyDirectory());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return issuer;
    }

    /** A token of one role for all tenants. */
    public String token(String role) {
        return issuer().token("it-" + role, List.of(role), List.of("*"));
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

    /** A captured RGW payload, moved into {@code bucket}, its object's key (any characters) replaced by {@code key}. */
    public static byte[] fixtureInBucket(String fixture, String bucket, String key) {
        String body = new String(fixtureInBucket(fixture, bucket), StandardCharsets.UTF_8);
        String quoted = new String(JsonStringEncoder.getInstance().quoteAsString(key));
        return body.replaceFirst("\"object\":\\{\"key\":\"[^\"]*\"",
                        Matcher.quoteReplacement("\"object\":{\"key\":\"" + quoted + "\""))
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The captured put of tenant {@code t1}'s bucket {@code sharedname} (key
     * {@code contracts/2026/acme.txt}), moved to {@code tenant}'s bucket {@code bucket}.
     */
    public static byte[] tenantFixture(String tenant, String bucket) {
        String body = new String(RgwFixtures.read("33-tenant-put.json"), StandardCharsets.UTF_8);
        return body.replace("arn:aws:s3::t1:sharedname", "arn:aws:s3::" + tenant + ":" + bucket)
                .replace("\"sharedname\"", "\"" + bucket + "\"")
                .getBytes(StandardCharsets.UTF_8);
    }

    public static final String TENANT_FIXTURE_KEY = "contracts/2026/acme.txt";

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
        return get(settings.baseUrl("catalog") + "/api/catalog/" + bucket + "/object?key=" + encode(key), "catalog-reader");
    }

    public Answer catalogListing(String bucket, String prefix) {
        return get(settings.baseUrl("catalog") + "/api/catalog/" + bucket + "?prefix=" + encode(prefix), "catalog-reader");
    }

    public Answer auditHistory(String bucket, String key) {
        return get(settings.baseUrl("audit") + "/api/audit/" + bucket + "/object?key=" + encode(key), "auditor");
    }

    public Answer auditVerification(String bucket, String key) {
        return get(settings.baseUrl("audit") + "/api/audit/" + bucket + "/object/verification?key=" + encode(key),
                "auditor");
    }

    public Answer ready(String service) {
        return get(settings.baseUrl(service) + "/health/ready");
    }

    public Answer get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** A GET with a token of {@code role}. */
    public Answer get(String url, String role) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token(role)).GET());
    }

    /** Any request, with a token of {@code role}. */
    public Answer send(HttpRequest.Builder request, String role) {
        return send(request.header("Authorization", "Bearer " + token(role)));
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

    public Answer send(HttpRequest.Builder request) {
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
