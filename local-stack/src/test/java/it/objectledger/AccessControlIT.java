package it.objectledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import io.objectledger.stack.AccessTokens;
import io.objectledger.stack.StackSettings;
import io.objectledger.support.security.Roles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * Every operation of every service's OpenAPI document, read at test time, against real tokens:
 * none, badly signed, expired, of another issuer or audience, of the wrong role, of the right
 * role, and of another tenant. An operation added without a security requirement, or whose
 * requirement the server does not enforce, fails here.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class AccessControlIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final List<String> SERVICES_WITH_APIS = List.of("ingest", "catalog", "audit");
    private static final List<String> ROLES = List.of("auditor", "catalog-reader", "operator");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StackSettings settings = LocalStackExtension.settings();
    private final Ledger ledger = new Ledger();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String tenant = "acl" + UUID.randomUUID().toString().substring(0, 6).replace("-", "");
    private final String bucket = Ledger.freshBucket("acl");
    private AccessTokens issuer;
    private String redriveId;
    private long checkpointSize;

    /** One operation of a service's OpenAPI document. */
    private record Operation(String service, String method, String path, Optional<String> role, String scheme) {

        boolean aboutABucket() {
            return path.contains("{bucket}");
        }

        @Override
        public String toString() {
            return service + ": " + method + " " + path;
        }
    }

    @BeforeAll
    void seedAnObjectOfATenantAndARedrive() {
        issuer = ledger.issuer();
        assertThat(ledger.push(Ledger.tenantFixture(tenant, bucket)).status()).isEqualTo(200);
        await().atMost(DEADLINE).until(() -> ledger.catalogObject(tenantBucket(), Ledger.TENANT_FIXTURE_KEY).status() == 200);
        await().atMost(DEADLINE).until(() -> ledger.auditHistory(tenantBucket(), Ledger.TENANT_FIXTURE_KEY).status() == 200);
        HttpResponse<String> started = send(request("ingest", "POST", "/api/dead-letters/redrives", token("operator")));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        redriveId = read(started.body()).get("id").asText();
        HttpResponse<String> checkpoint = send(request("audit", "POST", "/api/audit/checkpoints", token("auditor")));
        assertThat(checkpoint.statusCode()).as(checkpoint.body()).isEqualTo(200);
        checkpointSize = read(checkpoint.body()).get("treeSize").asLong();
    }

    @Test
    public void everyOperationNamesHowItIsProtected() {
        List<Operation> operations = operations();
        assertThat(operations).extracting(Operation::toString).contains(
                "catalog: GET /api/catalog/{bucket}", "catalog: GET /api/catalog/{bucket}/object",
                "audit: GET /api/audit/{bucket}/object", "audit: GET /api/audit/{bucket}/object/verification",
                "audit: GET /api/audit/reads", "ingest: POST /api/dead-letters/redrives",
                "ingest: POST /api/rgw/notifications", "ingest: POST /api/rgw/notifications/{token}");
        for (Operation operation : operations) {
            assertThat(operation.scheme()).as(operation + " has no security requirement in its OpenAPI document")
                    .isIn("jwt", "pushToken");
            if (operation.scheme().equals("jwt")) {
                assertThat(operation.role()).as(operation + " names no role").isPresent();
                assertThat(ROLES).as(operation + "'s role").contains(operation.role().get());
            }
        }
    }

    @Test
    public void everyJwtOperationRefusesWhatItMustAndAnswersItsRole() throws Exception {
        PrivateKey stranger = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        for (Operation operation : operations()) {
            if (!operation.scheme().equals("jwt")) {
                continue;
            }
            String role = operation.role().orElseThrow();
            assertUnauthorized(operation, null, "no token");
            assertUnauthorized(operation, "not-a-jwt", "a token that is no JWT");
            assertUnauthorized(operation, AccessTokens.sign(claims(role).build(), stranger), "a bad signature");
            assertUnauthorized(operation, issuer.sign(claims(role)
                    .issueTime(Date.from(Instant.now().minus(Duration.ofHours(2))))
                    .expirationTime(Date.from(Instant.now().minus(Duration.ofHours(1)))).build()), "an expired token");
            assertUnauthorized(operation, issuer.sign(claims(role).issuer("https://elsewhere.example/realms/x").build()),
                    "another issuer");
            assertUnauthorized(operation, issuer.sign(claims(role).audience("another-service").build()),
                    "another audience");
            for (String other : ROLES) {
                if (!other.equals(role)) {
                    HttpResponse<String> answer = call(operation, token(other), UnaryOperator.identity());
                    assertThat(answer.statusCode()).as(operation + " with role " + other + ": " + answer.body()).isEqualTo(403);
                    assertProblem(answer, "forbidden");
                    assertThat(answer.headers().firstValue("WWW-Authenticate")).get().asString()
                            .startsWith("Bearer").contains("insufficient_scope");
                }
            }
            HttpResponse<String> allowed = call(operation, token(role), UnaryOperator.identity());
            assertThat(allowed.statusCode()).as(operation + " with role " + role + ": " + allowed.body()).isBetween(200, 299);
            if (operation.aboutABucket()) {
                assertAnotherTenantsBucketIsUnknown(operation, role);
            }
        }
    }

    @Test
    public void thePushEndpointTakesItsPushTokenAndNoJwt() {
        for (Operation operation : operations()) {
            if (!operation.scheme().equals("pushToken")) {
                continue;
            }
            HttpResponse<String> none = call(operation, null, UnaryOperator.identity());
            assertThat(none.statusCode()).as(operation + ": " + none.body()).isEqualTo(401);
            assertProblem(none, "unauthorized");
            assertThat(none.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
            for (String role : ROLES) {
                assertThat(call(operation, token(role), UnaryOperator.identity()).statusCode())
                        .as(operation + " with a JWT of " + role).isEqualTo(401);
            }
            String pushToken = settings.ingestTokens().get(0);
            String withToken = operation.path().contains("{token}")
                    ? operation.path().replace("{token}", pushToken) : operation.path() + "?token=" + pushToken;
            HttpResponse<String> pushed = send(request(operation.service(), operation.method(), withToken, null));
            assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(200);
        }
    }

    @Test
    public void healthAndTheOpenApiDocumentsStayOpen() {
        for (String service : SERVICES_WITH_APIS) {
            assertThat(send(plain(service, "/health/ready")).statusCode()).as(service).isEqualTo(200);
            assertThat(send(plain(service, "/openapi")).statusCode()).as(service).isEqualTo(200);
            assertThat(send(plain(service, "/metrics")).statusCode()).as(service).isEqualTo(200);
        }
        assertThat(send(plain("lifecycle", "/health/ready")).statusCode()).isEqualTo(200);
    }

    private void assertUnauthorized(Operation operation, String token, String what) {
        HttpResponse<String> answer = call(operation, token, UnaryOperator.identity());
        assertThat(answer.statusCode()).as(operation + " with " + what + ": " + answer.body()).isEqualTo(401);
        assertProblem(answer, "unauthorized");
        assertThat(answer.headers().firstValue("WWW-Authenticate")).as(operation + " with " + what).get().asString()
                .startsWith("Bearer");
    }

    /** Another tenant's bucket answers exactly as a bucket nobody ever wrote to. */
    private void assertAnotherTenantsBucketIsUnknown(Operation operation, String role) {
        String otherTenantsToken = issuer.sign(claims(role).claim(AccessTokens.TENANTS_CLAIM, List.of("someone-else")).build());
        String noTenantToken = issuer.sign(AccessTokens.claims("it-no-tenants", List.of(role), List.of(), Duration.ofMinutes(5))
                .claim(AccessTokens.TENANTS_CLAIM, null).build());
        String ownToken = issuer.sign(claims(role).claim(AccessTokens.TENANTS_CLAIM, List.of(tenant)).build());
        String unknownBucket = Ledger.freshBucket("never-written");

        HttpResponse<String> own = call(operation, ownToken, UnaryOperator.identity());
        HttpResponse<String> unknown = call(operation, token(role), path -> path.replace(encode(tenantBucket()), unknownBucket));
        assertThat(own.statusCode()).as(operation + " for the bucket's own tenant").isBetween(200, 299);
        for (String foreign : List.of(otherTenantsToken, noTenantToken)) {
            HttpResponse<String> hidden = call(operation, foreign, UnaryOperator.identity());
            assertThat(hidden.statusCode()).as(operation + " of another tenant: " + hidden.body()).isEqualTo(unknown.statusCode());
            JsonNode hiddenBody = read(hidden.body());
            JsonNode unknownBody = read(unknown.body());
            assertThat(hiddenBody.path("error").asText()).isEqualTo(unknownBody.path("error").asText());
            assertThat(hiddenBody.path("objects").size()).as(operation + " lists nothing").isZero();
            assertThat(hiddenBody.path("entries").size()).isZero();
            assertThat(hidden.body()).doesNotContain("eTag").doesNotContain("3814dd74d43daab72d27e4dfcb417b10");
        }
    }

    /** Every operation of the three services that have a REST API, as their documents say now. */
    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (String service : SERVICES_WITH_APIS) {
            HttpResponse<String> document = send(plain(service, "/openapi?format=JSON"));
            assertThat(document.statusCode()).as(service + " /openapi").isEqualTo(200);
            JsonNode openApi = read(document.body());
            for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                    Map.Entry<String, JsonNode> method = methods.next();
                    JsonNode security = method.getValue().path("security");
                    String scheme = security.size() == 0 ? "none" : security.get(0).fieldNames().next();
                    JsonNode roleExtension = method.getValue().path(Roles.ROLE_EXTENSION);
                    Optional<String> role = roleExtension.isTextual() ? Optional.of(roleExtension.asText())
                            : Optional.empty();
                    operations.add(new Operation(service, method.getKey().toUpperCase(), path.getKey(), role, scheme));
                }
            }
        }
        return operations;
    }

    /**
     * Calls an operation with sample values: the seeded tenant's bucket and object, the seeded
     * re-drive, the seeded checkpoint's size.
     */
    private HttpResponse<String> call(Operation operation, String token, UnaryOperator<String> pathChange) {
        String path = operation.path()
                .replace("{bucket}", encode(tenantBucket()))
                .replace("{id}", redriveId)
                .replace("{treeSize}", Long.toString(checkpointSize))
                // A push token in the path that is none of the ledger's.
                .replace("{token}", "not-a-push-token");
        if (path.contains("{")) {
            fail(operation + " has a path parameter this test has no sample value for: add one");
        }
        if (operation.path().contains("/object")) {
            path += "?key=" + encode(Ledger.TENANT_FIXTURE_KEY);
        }
        if (operation.path().endsWith("/proofs/inclusion")) {
            path += "?position=1&treeSize=" + checkpointSize;
        }
        if (operation.path().endsWith("/proofs/consistency")) {
            path += "?from=1&to=" + checkpointSize;
        }
        return send(request(operation.service(), operation.method(), pathChange.apply(path), token));
    }

    private HttpRequest.Builder request(String service, String method, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.baseUrl(service) + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        byte[] body = switch (method) {
            // Verification without a body checks against the stored checkpoints.
            case "POST" -> path.startsWith("/api/audit/") ? null : path.startsWith("/api/rgw/")
                    ? Ledger.fixtureInBucket("01-put-with-metadata.json", Ledger.freshBucket("acl-push"))
                    // A window in the past: the re-drive matches nothing and ends at once.
                    : ("{\"deadLetterTopic\":\"rgw-notifications-dlq\",\"from\":\"2001-01-01T00:00:00Z\","
                    + "\"to\":\"2001-01-02T00:00:00Z\"}").getBytes(StandardCharsets.UTF_8);
            case "GET", "DELETE" -> null;
            default -> throw new AssertionError(method + " " + path + ": a method this test has no sample request for");
        };
        if (body == null) {
            return request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private HttpRequest.Builder plain(String service, String path) {
        return HttpRequest.newBuilder(URI.create(settings.baseUrl(service) + path)).timeout(Duration.ofSeconds(30)).GET();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JWTClaimsSet.Builder claims(String role) {
        return AccessTokens.claims("it-" + role, List.of(role), List.of("*"), Duration.ofMinutes(5));
    }

    private String token(String role) {
        return issuer.sign(claims(role).build());
    }

    private String tenantBucket() {
        return tenant + ":" + bucket;
    }

    private static void assertProblem(HttpResponse<String> answer, String error) {
        assertThat(answer.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        JsonNode problem = read(answer.body());
        assertThat(problem.path("error").asText()).as(answer.body()).isEqualTo(error);
        assertThat(problem.path("message").asText()).isNotBlank();
    }

    private static JsonNode read(String body) {
        try {
            return body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
