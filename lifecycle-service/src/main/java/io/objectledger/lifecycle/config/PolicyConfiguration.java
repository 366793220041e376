package io.objectledger.lifecycle.config;

import io.objectledger.lifecycle.policy.Enrichment;
import io.objectledger.lifecycle.policy.Policy;
import io.objectledger.lifecycle.policy.PolicyEnforcer;
import io.objectledger.lifecycle.policy.PolicyFile;
import io.objectledger.lifecycle.policy.S3Retry;
import io.objectledger.lifecycle.s3.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/** Loads the policy file once at start; an invalid file stops the service with the reason. */
@ApplicationScoped
public class PolicyConfiguration {

    private static final Logger LOG = Logger.getLogger(PolicyConfiguration.class.getName());

    @Inject
    @ConfigProperty(name = "ledger.policy.file")
    Optional<String> policyFile;

    @Inject
    @ConfigProperty(name = "ledger.policy.max-attempts")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "ledger.policy.first-backoff-ms")
    long firstBackoffMs;

    @Inject
    @ConfigProperty(name = "ledger.policy.max-backoff-ms", defaultValue = "30000")
    long maxBackoffMs;

    @Inject
    @ConfigProperty(name = "ledger.enrichment.enabled")
    boolean enrichmentEnabled;

    @Inject
    @ConfigProperty(name = "ledger.enrichment.buckets")
    List<String> enrichmentBuckets;

    private Policy policy;

    /** Read once; a record cannot be proxied, so the bean holds it rather than an application-scoped producer. */
    @Produces
    synchronized Policy policy() {
        if (policy == null) {
            policy = load();
        }
        return policy;
    }

    private Policy load() {
        if (policyFile.isEmpty()) {
            LOG.info("No policy file (ledger.policy.file): no tagging or retention rules are applied");
            return Policy.NONE;
        }
        Policy policy = PolicyFile.read(Path.of(policyFile.get()));
        LOG.info(() -> "Policy " + policy.version() + " from " + policyFile.get() + ": " + policy.tagging().size()
                + " tagging and " + policy.retention().size() + " retention rules");
        return policy;
    }

    @Produces
    PolicyEnforcer enforcer(Policy policy, ObjectStore store, CommandGateway commands) {
        Enrichment enrichment = new Enrichment(enrichmentEnabled, enrichmentBuckets);
        LOG.info(() -> enrichmentEnabled ? "Enrichment on: HeadObject completes the facts of new objects in buckets "
                + enrichmentBuckets : "Enrichment off (ledger.enrichment.enabled): no HeadObject is recorded");
        S3Retry retry = new S3Retry(maxAttempts, Duration.ofMillis(firstBackoffMs), Duration.ofMillis(maxBackoffMs));
        return new PolicyEnforcer(policy, enrichment, store, commands, retry);
    }
}
