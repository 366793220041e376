package io.objectledger.lifecycle.policy;

import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyTest {

    private static final ObjectIdentity INVOICE = new ObjectIdentity("acme:billing", "invoices/2026/11/inv-1.pdf");
    private static final ObjectFacts FINANCE = new ObjectFacts(500, "e", "", Map.of("department", "finance"), Map.of());

    private final Policy policy = PolicyFile.read(resource("/sample-policy.yaml"));

    @Test
    void fileWithoutAVersionIsVersionedByItsContent() {
        assertThat(policy.version()).startsWith("sha256:").hasSize("sha256:".length() + 16);
        assertThat(PolicyFile.read(resource("/sample-policy.yaml")).version()).isEqualTo(policy.version());
    }

    @Test
    void ruleMatchesOnTenantGlobSizeAndMetadata() {
        assertThat(policy.taggingFor(INVOICE, FINANCE, null)).extracting(TaggingRule::name).containsExactly("by-department");
        assertThat(policy.taggingFor(new ObjectIdentity("other", INVOICE.key()), FINANCE, null)).isEmpty();
        assertThat(policy.taggingFor(new ObjectIdentity("acme:billing", "invoices/inv.txt"), FINANCE, null)).isEmpty();
        assertThat(policy.taggingFor(INVOICE, new ObjectFacts(5000, "e", "", FINANCE.metadata(), Map.of()), null)).isEmpty();
        assertThat(policy.taggingFor(INVOICE, new ObjectFacts(500, "e", "", Map.of("department", "it"), Map.of()), null))
                .isEmpty();
    }

    @Test
    void tagValuesComeFromLiteralsMetadataAndKeySegments() {
        TaggingRule rule = policy.tagging().get(0);

        assertThat(rule.tagsFor(INVOICE, FINANCE))
                .containsExactlyInAnyOrderEntriesOf(Map.of("department", "finance", "year", "2026", "kind", "invoice"));
    }

    @Test
    void placeholderTheObjectCannotFillIsAPolicyError() {
        TaggingRule rule = policy.tagging().get(0);

        assertThatThrownBy(() -> rule.tagsFor(INVOICE, new ObjectFacts(1, "e", "", Map.of(), Map.of())))
                .isInstanceOf(PolicyException.class).hasMessageContaining("no metadata 'department'");
    }

    @Test
    void mergeKeepsExistingTagsAndEnforcesS3Limits() {
        assertThat(TagSet.merge(Map.of("owner", "ann", "kind", "draft"), Map.of("kind", "invoice"), "r"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("owner", "ann", "kind", "invoice"));
        assertThatThrownBy(() -> TagSet.merge(Map.of("a", "1", "b", "2", "c", "3", "d", "4", "e", "5", "f", "6",
                "g", "7", "h", "8", "i", "9"), Map.of("j", "10", "k", "11"), "r")).hasMessageContaining("11 tags");
        assertThatThrownBy(() -> TagSet.merge(Map.of(), Map.of("k".repeat(129), "v"), "r")).hasMessageContaining("128");
        assertThatThrownBy(() -> TagSet.merge(Map.of(), Map.of("k", "v".repeat(257)), "r")).hasMessageContaining("256");
    }

    @Test
    void retentionRunsFromTheObjectsCreation() {
        RetentionRule rule = policy.retention().get(0);

        assertThat(rule.mode()).isEqualTo("COMPLIANCE");
        assertThat(rule.legalHold()).isTrue();
        assertThat(rule.retainUntil(Instant.parse("2026-11-26T10:00:00Z"))).isEqualTo(Instant.parse("2033-11-26T10:00:00Z"));
    }

    @Test
    void invalidFilesAreRefusedWithTheReason(@TempDir Path directory) throws IOException {
        Path badMode = Files.writeString(directory.resolve("bad-mode.yaml"),
                "retention:\n  - name: r\n    mode: FOREVER\n    period: P1D\n");
        Path badPeriod = Files.writeString(directory.resolve("bad-period.json"),
                "{\"retention\":[{\"name\":\"r\",\"period\":\"seven years\"}]}");
        Path unknownField = Files.writeString(directory.resolve("typo.yaml"), "taging: []\n");

        assertThatThrownBy(() -> PolicyFile.read(badMode)).isInstanceOf(PolicyException.class)
                .hasMessageContaining("GOVERNANCE or COMPLIANCE");
        assertThatThrownBy(() -> PolicyFile.read(badPeriod)).isInstanceOf(PolicyException.class)
                .hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> PolicyFile.read(unknownField)).isInstanceOf(PolicyException.class)
                .hasMessageContaining("taging");
    }

    private static Path resource(String name) {
        try {
            return Path.of(PolicyTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
