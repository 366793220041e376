package io.objectledger.lifecycle.policy;

import io.objectledger.events.lifecycle.ObjectCreated;
import io.objectledger.events.lifecycle.StateAfter;
import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bucket globs match the bucket's full name, tenant:bucket, with '*' over any characters, ':' included. */
class TenantBucketGlobTest {

    private static final ObjectFacts FACTS = new ObjectFacts(3, "e", "", Map.of(), Map.of());
    private static final ObjectIdentity DEFAULT_TENANTS = new ObjectIdentity("sharedname", "same.txt");
    private static final ObjectIdentity T1S = new ObjectIdentity("t1:sharedname", "same.txt");
    private static final ObjectIdentity T2S = new ObjectIdentity("t2:sharedname", "same.txt");
    private static final List<ObjectIdentity> ALL = List.of(DEFAULT_TENANTS, T1S, T2S);

    @Test
    void bareBucketNameIsTheDefaultTenantsOnly() {
        assertThat(matching("sharedname")).containsExactly(DEFAULT_TENANTS);
    }

    @Test
    void tenantPrefixedGlobIsThatTenantsBucketsOnly() {
        assertThat(matching("t1:*")).containsExactly(T1S);
        assertThat(matching("t1:sharedname")).containsExactly(T1S);
        assertThat(matching("t?:sharedname")).containsExactly(T1S, T2S);
    }

    @Test
    void starIsEveryTenantsBucket() {
        assertThat(matching("*")).containsExactlyElementsOf(ALL);
        assertThat(matching("**")).containsExactlyElementsOf(ALL);
        assertThat(matching("*sharedname")).containsExactlyElementsOf(ALL);
        assertThat(matching("*:sharedname")).containsExactly(T1S, T2S);
    }

    @Test
    void keyGlobStillStopsAStarAtASlash() {
        Match match = new Match(null, null, null, "docs/*.txt", null, null, null, null, null);

        assertThat(match.matches(new ObjectIdentity("t1:sharedname", "docs/a.txt"), FACTS, null)).isTrue();
        assertThat(match.matches(new ObjectIdentity("t1:sharedname", "docs/sub/a.txt"), FACTS, null)).isFalse();
    }

    @Test
    void taggingAndRetentionRulesOfOneTenantActOnlyOnItsObjects() {
        Match t1 = new Match("t1:*", null, null, null, null, null, null, null, null);
        Policy policy = new Policy("v1", List.of(new TaggingRule("t1-tags", t1, Map.of("tenant", "t1"))),
                List.of(new RetentionRule("t1-keep", t1, "GOVERNANCE", "P1D", false, null)));

        assertThat(policy.taggingFor(T1S, FACTS, null)).extracting(TaggingRule::name).containsExactly("t1-tags");
        assertThat(policy.retentionFor(T1S, FACTS, null)).extracting(RetentionRule::name).containsExactly("t1-keep");
        assertThat(policy.taggingFor(DEFAULT_TENANTS, FACTS, null)).isEmpty();
        assertThat(policy.retentionFor(DEFAULT_TENANTS, FACTS, null)).isEmpty();
        assertThat(policy.taggingFor(T2S, FACTS, null)).isEmpty();
    }

    @Test
    void enrichmentBucketsAreTenantGlobsToo() {
        assertThat(new Enrichment(true, List.of("sharedname")).wanted(created(T1S))).isFalse();
        assertThat(new Enrichment(true, List.of("sharedname")).wanted(created(DEFAULT_TENANTS))).isTrue();
        assertThat(new Enrichment(true, List.of("t1:*")).wanted(created(T1S))).isTrue();
        assertThat(new Enrichment(true, List.of("t1:*")).wanted(created(T2S))).isFalse();
        assertThat(new Enrichment(true, List.of("*")).wanted(created(T2S))).isTrue();
    }

    private static List<ObjectIdentity> matching(String bucketGlob) {
        Match match = new Match(bucketGlob, null, null, null, null, null, null, null, null);
        return ALL.stream().filter(object -> match.matches(object, FACTS, null)).toList();
    }

    private static ObjectCreated created(ObjectIdentity object) {
        Instant now = Instant.parse("2026-12-07T02:00:00Z");
        return new ObjectCreated(object, FACTS, new ChangeContext("c-" + object.bucket(), "ObjectCreated:Put", now,
                now, "", "u1", "", "", "r", "g", "", ""), StateAfter.UNKNOWN);
    }
}
