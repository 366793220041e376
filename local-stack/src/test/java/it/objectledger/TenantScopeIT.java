package it.objectledger;

import io.objectledger.stack.StackSettings;
import it.objectledger.api.ApiClients;
import it.objectledger.api.AuditApi;
import it.objectledger.api.CatalogApi;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two RGW tenants' buckets of the same name, seen through tokens scoped to one tenant, the other,
 * the default tenant, or all of them: each sees its own and nothing of the other, not even that it
 * exists. Typed clients of the catalog and audit APIs (MicroShed Testing).
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class TenantScopeIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private final StackSettings settings = LocalStackExtension.settings();
    private final Ledger ledger = new Ledger();
    private final String tenant = "ts" + UUID.randomUUID().toString().substring(0, 6);
    private final String bucket = Ledger.freshBucket("scope");
    private final String key = Ledger.TENANT_FIXTURE_KEY;

    @BeforeAll
    void twoTenantsPutTheSameKeyInBucketsOfTheSameName() {
        assertThat(ledger.push(Ledger.tenantFixture(tenant, bucket)).status()).isEqualTo(200);
        assertThat(ledger.push(Ledger.fixtureInBucket("01-put-with-metadata.json", bucket)).status()).isEqualTo(200);
        await().atMost(DEADLINE).until(() -> ledger.auditHistory(tenant + ":" + bucket, key).status() == 200);
        await().atMost(DEADLINE).until(() -> ledger.catalogListing(bucket, "").body().path("objects").size() == 1);
    }

    @Test
    public void aTenantsReaderSeesItsBucketAndNothingOfTheDefaultTenantsOfTheSameName() {
        CatalogApi catalog = catalog(List.of(tenant));

        try (Response own = catalog.object(tenant + ":" + bucket, key)) {
            assertThat(own.getStatus()).isEqualTo(200);
            assertThat(own.readEntity(CatalogApi.Entry.class).eTag).isEqualTo("3814dd74d43daab72d27e4dfcb417b10");
        }
        assertThat(catalog.list(tenant + ":" + bucket, "").objects).extracting(entry -> entry.key).containsExactly(key);
        assertThat(catalog.list(bucket, "").objects).as("the default tenant's bucket of the same name").isEmpty();
        String defaultTenantKey = catalog(List.of("*")).list(bucket, "").objects.get(0).key;
        try (Response hidden = catalog.object(bucket, defaultTenantKey);
             Response unknown = catalog.object(Ledger.freshBucket("never-written"), defaultTenantKey)) {
            assertThat(hidden.getStatus()).isEqualTo(404).isEqualTo(unknown.getStatus());
        }
    }

    @Test
    public void theDefaultTenantIsNamedByTheEmptyName() {
        CatalogApi defaultTenant = catalog(List.of(""));

        assertThat(defaultTenant.list(bucket, "").objects).hasSize(1);
        assertThat(defaultTenant.list(tenant + ":" + bucket, "").objects).isEmpty();
    }

    @Test
    public void aTokenWithoutTenantsSeesNoBucketAndAnAllTenantsTokenSeesBoth() {
        assertThat(catalog(List.of()).list(bucket, "").objects).isEmpty();
        assertThat(catalog(List.of("someone-else")).list(tenant + ":" + bucket, "").objects).isEmpty();

        CatalogApi everyone = catalog(List.of("*"));
        assertThat(everyone.list(bucket, "").objects).hasSize(1);
        assertThat(everyone.list(tenant + ":" + bucket, "").objects).hasSize(1);
    }

    @Test
    public void anotherTenantsAuditTrailAnswersAsIfNothingWasRecorded() {
        AuditApi otherTenant = ApiClients.client(AuditApi.class, settings, "audit",
                ledger.issuer().token("it-other-auditor", List.of("auditor"), List.of("someone-else")));
        AuditApi ownTenant = ApiClients.client(AuditApi.class, settings, "audit",
                ledger.issuer().token("it-own-auditor", List.of("auditor"), List.of(tenant)));

        try (Response hidden = otherTenant.history(tenant + ":" + bucket, key);
             Response hiddenChain = otherTenant.verification(tenant + ":" + bucket, key);
             Response own = ownTenant.history(tenant + ":" + bucket, key)) {
            assertThat(hidden.getStatus()).isEqualTo(404);
            assertThat(hiddenChain.getStatus()).isEqualTo(404);
            assertThat(own.getStatus()).isEqualTo(200);
            assertThat(hidden.readEntity(String.class)).contains("\"not-found\"").doesNotContain("entries");
        }
    }

    private CatalogApi catalog(List<String> tenants) {
        return ApiClients.client(CatalogApi.class, settings, "catalog",
                ledger.issuer().token("it-reader", List.of("catalog-reader"), tenants));
    }
}
