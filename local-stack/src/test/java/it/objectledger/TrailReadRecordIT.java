package it.objectledger;

import io.objectledger.stack.StackSettings;
import it.objectledger.api.ApiClients;
import it.objectledger.api.AuditApi;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who looked at the trail is recorded: every auditor's request, with its subject, operation,
 * parameters and time, queryable by auditors; and a tenant's auditor reads only the reads of its
 * tenants' buckets. Typed clients of the audit API (MicroShed Testing).
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class TrailReadRecordIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private final StackSettings settings = LocalStackExtension.settings();
    private final Ledger ledger = new Ledger();
    private final String tenant = "tr" + UUID.randomUUID().toString().substring(0, 6);
    private final String bucket = tenant + ":" + Ledger.freshBucket("reads");
    private final String key = Ledger.TENANT_FIXTURE_KEY;

    @BeforeAll
    void anObjectIsRecorded() {
        assertThat(ledger.push(Ledger.tenantFixture(tenant, bucket.substring(tenant.length() + 1))).status()).isEqualTo(200);
        await().atMost(DEADLINE).until(() -> ledger.auditHistory(bucket, key).status() == 200);
    }

    @Test
    public void anAuditorsReadsAppearWithSubjectParametersAndTime() {
        String subject = "auditor-" + UUID.randomUUID();
        Instant before = Instant.now().minusSeconds(1);
        AuditApi audit = auditor(subject, List.of("*"));

        try (Response history = audit.history(bucket, key); Response chain = audit.verification(bucket, key)) {
            assertThat(history.getStatus()).isEqualTo(200);
            assertThat(chain.getStatus()).isEqualTo(200);
        }
        List<AuditApi.Read> reads = audit.reads(subject, null, null).reads;

        // Newest first: the query of the record is itself a read of audit information.
        assertThat(reads).extracting(read -> read.operation).containsExactly("reads", "verification", "history");
        AuditApi.Read history = reads.get(2);
        assertThat(history.subject).isEqualTo(subject);
        assertThat(history.parameters).isEqualTo(Map.of("bucket", bucket, "key", key));
        assertThat(history.tenant).isEqualTo(tenant);
        assertThat(history.grantedTenants).isEqualTo("*");
        assertThat(Instant.parse(history.readAt)).isAfter(before).isBefore(Instant.now().plusSeconds(1));
        assertThat(reads.get(0).parameters).containsEntry("subject", subject);
        assertThat(reads.get(0).tenant).isNull();
    }

    @Test
    public void aTenantsAuditorSeesOnlyTheReadsOfItsTenantsBuckets() {
        String platform = "platform-" + UUID.randomUUID();
        try (Response read = auditor(platform, List.of("*")).history(bucket, key)) {
            assertThat(read.getStatus()).isEqualTo(200);
        }

        List<AuditApi.Read> ownTenant = auditor("t-" + UUID.randomUUID(), List.of(tenant)).reads(platform, null, null).reads;
        List<AuditApi.Read> otherTenant = auditor("o-" + UUID.randomUUID(), List.of("someone-else")).reads(platform, null, null).reads;

        assertThat(ownTenant).extracting(read -> read.operation).containsExactly("history");
        assertThat(otherTenant).isEmpty();
    }

    @Test
    public void aCallerWithoutTheAuditorRoleIsRefusedAndNotRecordedAsAReader() {
        String subject = "reader-" + UUID.randomUUID();
        AuditApi notAnAuditor = ApiClients.client(AuditApi.class, settings, "audit",
                ledger.issuer().token(subject, List.of("catalog-reader"), List.of("*")));

        try (Response refused = notAnAuditor.history(bucket, key)) {
            assertThat(refused.getStatus()).isEqualTo(403);
        }
        assertThat(auditor("a-" + UUID.randomUUID(), List.of("*")).reads(subject, null, null).reads).isEmpty();
    }

    private AuditApi auditor(String subject, List<String> tenants) {
        return ApiClients.client(AuditApi.class, settings, "audit",
                ledger.issuer().token(subject, List.of("auditor"), tenants));
    }
}
