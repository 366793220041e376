package io.objectledger.audit.checkpoint;

import io.objectledger.events.trail.Checkpoint;
import io.objectledger.events.trail.CheckpointKeys;
import io.objectledger.events.trail.MerkleHashes;
import io.objectledger.events.trail.SignedCheckpoint;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The key checkpoints are signed with, loaded from configuration (PEM text, or files such as a
 * mounted Kubernetes secret) and never written to the database: whoever can change the database
 * cannot sign a checkpoint over a changed trail. Without a key the trail still grows its tree,
 * but takes no checkpoints, and says so.
 */
@ApplicationScoped
public class CheckpointKey {

    private static final Logger LOG = Logger.getLogger(CheckpointKey.class.getName());

    @Inject
    @ConfigProperty(name = "audit.checkpoint.private-key-file")
    Optional<String> privateKeyFile;

    @Inject
    @ConfigProperty(name = "audit.checkpoint.public-key-file")
    Optional<String> publicKeyFile;

    @Inject
    @ConfigProperty(name = "audit.checkpoint.private-key")
    Optional<String> privateKeyPem;

    @Inject
    @ConfigProperty(name = "audit.checkpoint.public-key")
    Optional<String> publicKeyPem;

    private PrivateKey privateKey;
    private PublicKey publicKey;
    private String keyId;

    @PostConstruct
    void load() {
        Optional<String> privatePem = pem(privateKeyPem, privateKeyFile);
        Optional<String> publicPem = pem(publicKeyPem, publicKeyFile);
        if (privatePem.isEmpty() || publicPem.isEmpty()) {
            LOG.warning("No key to sign audit-trail checkpoints with: set audit.checkpoint.private-key-file and "
                    + "audit.checkpoint.public-key-file (AUDIT_CHECKPOINT_PRIVATE_KEY_FILE, ..._PUBLIC_KEY_FILE), "
                    + "PEM files such as a mounted secret (docs/audit-trail.md). Until then no checkpoint is "
                    + "taken and the trail cannot be verified against one");
            return;
        }
        try {
            privateKey = CheckpointKeys.privateKey(privatePem.get());
            publicKey = CheckpointKeys.publicKey(publicPem.get());
        } catch (RuntimeException e) {
            privateKey = null;
            publicKey = null;
            LOG.severe("The audit-trail checkpoint key is not a PEM key pair (PKCS#8 private key, X.509 public key; "
                    + "Ed25519 or EC P-256): " + e.getMessage() + ". No checkpoint is taken until it is replaced "
                    + "(docs/audit-trail.md#signing-key)");
            return;
        }
        keyId = CheckpointKeys.keyId(publicKey);
        Checkpoint probe = new Checkpoint("key-check", 0, MerkleHashes.emptyRoot(), Instant.EPOCH);
        if (!SignedCheckpoint.sign(probe, privateKey, keyId).verifies(publicKey)) {
            privateKey = null;
            publicKey = null;
            LOG.severe("The audit-trail checkpoint public key " + keyId + " does not belong to the private key: "
                    + "auditors could not verify what the service signs, so no checkpoint is taken until the pair "
                    + "matches (docs/audit-trail.md#signing-key)");
            return;
        }
        LOG.info(() -> "Audit-trail checkpoints are signed with key " + keyId + " ("
                + CheckpointKeys.signatureAlgorithm(publicKey) + ")");
    }

    private static Optional<String> pem(Optional<String> text, Optional<String> file) {
        if (text.isPresent() && !text.get().isBlank()) {
            return text;
        }
        return file.filter(name -> !name.isBlank()).map(name -> {
            try {
                return Files.readString(Path.of(name));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the checkpoint key " + name + ": " + e.getMessage(), e);
            }
        });
    }

    public boolean present() {
        return privateKey != null;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    public Optional<PublicKey> publicKey() {
        return Optional.ofNullable(publicKey);
    }

    public String keyId() {
        return keyId;
    }
}
