package io.objectledger.events.trail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.objectledger.events.time.IsoInstants;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.time.DateTimeException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A checkpoint and the signature over its {@link Checkpoint#body()}. {@code keyId} only says
 * which key to try ({@link CheckpointKeys#keyId}); it is not signed, so it proves nothing.
 *
 * <p>JSON form: {@code origin, treeSize, rootHash} (hex), {@code time} (canonical),
 * {@code keyId, signature} (base64) and {@code body}, which is written for people and recomputed
 * when read, so that what verifies is always what the fields say.
 */
public record SignedCheckpoint(Checkpoint checkpoint, String keyId, byte[] signature) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public SignedCheckpoint {
        Objects.requireNonNull(checkpoint, "checkpoint");
        keyId = keyId == null ? "" : keyId;
        signature = Objects.requireNonNull(signature, "signature").clone();
    }

    public static SignedCheckpoint sign(Checkpoint checkpoint, PrivateKey key, String keyId) {
        try {
            Signature signer = Signature.getInstance(CheckpointKeys.signatureAlgorithm(key));
            signer.initSign(key);
            signer.update(checkpoint.body().getBytes(StandardCharsets.UTF_8));
            return new SignedCheckpoint(checkpoint, keyId, signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with a " + key.getAlgorithm() + " key", e);
        }
    }

    /** False for a signature by another key, over other fields, or not of the key's kind at all. */
    public boolean verifies(PublicKey key) {
        try {
            Signature verifier = Signature.getInstance(CheckpointKeys.signatureAlgorithm(key));
            verifier.initVerify(key);
            verifier.update(checkpoint.body().getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (InvalidKeyException | SignatureException e) {
            return false;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM since 15 has Ed25519 and ECDSA", e);
        }
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    public String toJson() {
        ObjectNode json = JSON.createObjectNode()
                .put("origin", checkpoint.origin())
                .put("treeSize", checkpoint.treeSize())
                .put("rootHash", MerkleHashes.hex(checkpoint.rootHash()))
                .put("time", TrailEntry.canonicalTime(checkpoint.time()))
                .put("keyId", keyId)
                .put("signature", Base64.getEncoder().encodeToString(signature))
                .put("body", checkpoint.body());
        return json.toString();
    }

    /** @throws IllegalArgumentException if {@code json} is not a signed checkpoint */
    public static SignedCheckpoint fromJson(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("a signed checkpoint is a JSON object");
            }
            JsonNode treeSize = required(node, "treeSize");
            if (!treeSize.canConvertToExactIntegral() || !treeSize.canConvertToLong()) {
                throw new IllegalArgumentException("treeSize is a whole number: " + treeSize);
            }
            Checkpoint checkpoint = new Checkpoint(required(node, "origin").asText(), treeSize.asLong(),
                    MerkleHashes.unhex(required(node, "rootHash").asText()),
                    IsoInstants.parse(required(node, "time").asText()));
            return new SignedCheckpoint(checkpoint, node.path("keyId").asText(""),
                    Base64.getDecoder().decode(required(node, "signature").asText()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a signed checkpoint is JSON: " + e.getOriginalMessage(), e);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("time is an ISO-8601 instant: " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("a signed checkpoint has a " + field);
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedCheckpoint that && checkpoint.equals(that.checkpoint)
                && keyId.equals(that.keyId) && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(checkpoint, keyId, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "SignedCheckpoint[" + checkpoint + ", keyId=" + keyId + "]";
    }
}
