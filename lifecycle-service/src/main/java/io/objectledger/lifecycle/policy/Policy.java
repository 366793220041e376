package io.objectledger.lifecycle.policy;

import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;

import java.util.List;

/**
 * The rules in force. {@code version} is recorded in every event a rule causes, so an auditor
 * can tell which rules applied; when the file does not name one it is derived from its content.
 */
public record Policy(String version, List<TaggingRule> tagging, List<RetentionRule> retention) {

    public static final Policy NONE = new Policy("none", List.of(), List.of());

    public Policy {
        tagging = tagging == null ? List.of() : List.copyOf(tagging);
        retention = retention == null ? List.of() : List.copyOf(retention);
    }

    public boolean isEmpty() {
        return tagging.isEmpty() && retention.isEmpty();
    }

    public boolean needsContentType() {
        return tagging.stream().anyMatch(rule -> rule.match().needsContentType())
                || retention.stream().anyMatch(rule -> rule.match().needsContentType());
    }

    public List<TaggingRule> taggingFor(ObjectIdentity object, ObjectFacts facts, String contentType) {
        return tagging.stream().filter(rule -> rule.match().matches(object, facts, contentType)).toList();
    }

    public List<RetentionRule> retentionFor(ObjectIdentity object, ObjectFacts facts, String contentType) {
        return retention.stream().filter(rule -> rule.match().matches(object, facts, contentType)).toList();
    }
}
