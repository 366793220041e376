package io.objectledger.lifecycle.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.objectledger.events.object.Sha256;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a policy file, YAML ({@code .yaml}, {@code .yml}) or JSON; in Kubernetes a mounted ConfigMap. */
public final class PolicyFile {

    private PolicyFile() {
    }

    public static Policy read(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PolicyException("cannot read the policy file " + file + ": " + e.getMessage());
        }
        String name = file.getFileName().toString();
        ObjectMapper mapper = (name.endsWith(".yaml") || name.endsWith(".yml") ? YAMLMapper.builder() : JsonMapper.builder())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        try {
            Policy policy = mapper.readValue(content, Policy.class);
            String version = policy.version() != null ? policy.version() : "sha256:" + Sha256.hex(content).substring(0, 16);
            return new Policy(version, policy.tagging(), policy.retention());
        } catch (IOException e) {
            Throwable cause = e.getCause() instanceof PolicyException policyError ? policyError : e;
            throw new PolicyException("the policy file " + file + " is not valid: " + cause.getMessage());
        }
    }
}
