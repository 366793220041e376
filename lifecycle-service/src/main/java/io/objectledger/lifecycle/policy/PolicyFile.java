package io.objectledger.lifecycle.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
            String version = policy.version() != null ? policy.version() : "sha256:" + sha256(content).substring(0, 16);
            return new Policy(version, policy.tagging(), policy.retention());
        } catch (IOException e) {
            Throwable cause = e.getCause() instanceof PolicyException policyError ? policyError : e;
            throw new PolicyException("the policy file " + file + " is not valid: " + cause.getMessage());
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
