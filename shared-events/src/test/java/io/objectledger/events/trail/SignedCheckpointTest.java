package io.objectledger.events.trail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignedCheckpointTest {

    private static final byte[] ROOT = ReferenceTree.ofSize(20).root(20);
    private static final Checkpoint CHECKPOINT =
            new Checkpoint("objectledger.example/trail", 20, ROOT, Instant.parse("2026-03-01T10:15:30.123456Z"));

    @Test
    void theBodyIsOneFieldPerLine() {
        assertThat(CHECKPOINT.body()).isEqualTo("objectledger.example/trail\n20\n" + MerkleHashes.hex(ROOT)
                + "\n2026-03-01T10:15:30.123456Z\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ed25519", "EC"})
    void aSignedCheckpointVerifiesWithItsKeyOnly(String algorithm) throws GeneralSecurityException {
        KeyPair keys = keyPair(algorithm);
        SignedCheckpoint signed = SignedCheckpoint.sign(CHECKPOINT, keys.getPrivate(), CheckpointKeys.keyId(keys.getPublic()));

        assertThat(signed.verifies(keys.getPublic())).isTrue();
        assertThat(signed.verifies(keyPair(algorithm).getPublic())).isFalse();
        assertThat(signed.verifies(keyPair(algorithm.equals("EC") ? "Ed25519" : "EC").getPublic())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ed25519", "EC"})
    void aChangedSizeRootOrTimeNoLongerVerifies(String algorithm) throws GeneralSecurityException {
        KeyPair keys = keyPair(algorithm);
        SignedCheckpoint signed = SignedCheckpoint.sign(CHECKPOINT, keys.getPrivate(), "k");
        Checkpoint[] changed = {
                new Checkpoint(CHECKPOINT.origin(), 21, ROOT, CHECKPOINT.time()),
                new Checkpoint(CHECKPOINT.origin(), 20, MerkleTreeTest.flipped(ROOT), CHECKPOINT.time()),
                new Checkpoint(CHECKPOINT.origin(), 20, ROOT, CHECKPOINT.time().plusNanos(1000)),
                new Checkpoint("another/trail", 20, ROOT, CHECKPOINT.time())};

        for (Checkpoint checkpoint : changed) {
            assertThat(new SignedCheckpoint(checkpoint, "k", signed.signature()).verifies(keys.getPublic()))
                    .as(checkpoint.toString()).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ed25519", "EC"})
    void theJsonFormReadsBackToTheSameVerifyingCheckpoint(String algorithm) throws GeneralSecurityException {
        KeyPair keys = keyPair(algorithm);
        SignedCheckpoint signed = SignedCheckpoint.sign(CHECKPOINT, keys.getPrivate(), CheckpointKeys.keyId(keys.getPublic()));

        SignedCheckpoint read = SignedCheckpoint.fromJson(signed.toJson());

        assertThat(read).isEqualTo(signed);
        assertThat(read.verifies(keys.getPublic())).isTrue();
        assertThat(signed.toJson()).contains("\"treeSize\":20", "\"rootHash\":\"" + MerkleHashes.hex(ROOT) + "\"",
                "\"time\":\"2026-03-01T10:15:30.123456Z\"", "\"body\":");
    }

    @Test
    void theBodyInJsonIsRecomputedAndUnknownFieldsAreIgnored() {
        KeyPair keys = CheckpointKeys.generateEd25519();
        String json = SignedCheckpoint.sign(CHECKPOINT, keys.getPrivate(), "k").toJson()
                .replace("\"body\":\"", "\"comment\":\"later\",\"body\":\"forged\\n");

        SignedCheckpoint read = SignedCheckpoint.fromJson(json);

        assertThat(read.checkpoint().body()).isEqualTo(CHECKPOINT.body());
        assertThat(read.verifies(keys.getPublic())).isTrue();
    }

    @Test
    void aCheckpointWithoutItsFieldsIsRefused() {
        assertThatThrownBy(() -> SignedCheckpoint.fromJson("{\"origin\":\"o\",\"treeSize\":1}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rootHash");
        assertThatThrownBy(() -> SignedCheckpoint.fromJson("not json")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ed25519", "EC"})
    void keysSurviveTheirPemForm(String algorithm) throws GeneralSecurityException {
        KeyPair keys = keyPair(algorithm);

        assertThat(CheckpointKeys.publicKey(CheckpointKeys.pem(keys.getPublic()))).isEqualTo(keys.getPublic());
        assertThat(CheckpointKeys.privateKey(CheckpointKeys.pem(keys.getPrivate())).getEncoded())
                .isEqualTo(keys.getPrivate().getEncoded());
        assertThat(CheckpointKeys.pem(keys.getPublic())).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(CheckpointKeys.keyId(keys.getPublic())).matches("[0-9a-f]{16}");
        assertThat(CheckpointKeys.signatureAlgorithm(keys.getPublic()))
                .isEqualTo(algorithm.equals("EC") ? "SHA256withECDSA" : "Ed25519");
    }

    /** Throwaway keys written by openssl genpkey (PKCS#8) and openssl pkey -pubout (X.509). */
    @ParameterizedTest
    @ValueSource(strings = {
            """
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VwBCIEID1kNoErA37i6ABKDw1Yib5SEgzhaI5ugRnRMAYZ6z0Y
            -----END PRIVATE KEY-----
            -----BEGIN PUBLIC KEY-----
            MCowBQYDK2VwAyEA5L5rdrgxLVnvatH71/3U4DtFi1OgdoJ60yizTiS8ZX8=
            -----END PUBLIC KEY-----
            """,
            """
            -----BEGIN PRIVATE KEY-----
            MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgmdqDaiN3lPnG5ojN
            YJWmJ6kWm3j3eYsxwCoWcnuv3ImhRANCAARVyhefRG9yHdo6K5VGDC7DMD4odWxk
            dGC0bd5Zr57HpuWMEJ6ST0qgBJynvdVNGQJnN2cCIHmIT7qW+kJBEPD7
            -----END PRIVATE KEY-----
            -----BEGIN PUBLIC KEY-----
            MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEVcoXn0Rvch3aOiuVRgwuwzA+KHVs
            ZHRgtG3eWa+ex6bljBCekk9KoAScp73VTRkCZzdnAiB5iE+6lvpCQRDw+w==
            -----END PUBLIC KEY-----
            """})
    void opensslKeysSignAndVerify(String pems) {
        PrivateKey privateKey = CheckpointKeys.privateKey(pems);
        PublicKey publicKey = CheckpointKeys.publicKey(pems);

        assertThat(SignedCheckpoint.sign(CHECKPOINT, privateKey, "k").verifies(publicKey)).isTrue();
    }

    @Test
    void aKeyInTheWrongBlockIsRefused() {
        String publicOnly = CheckpointKeys.pem(CheckpointKeys.generateEd25519().getPublic());

        assertThatThrownBy(() -> CheckpointKeys.privateKey(publicOnly)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PRIVATE KEY");
    }

    static KeyPair keyPair(String algorithm) throws GeneralSecurityException {
        if (algorithm.equals("Ed25519")) {
            return CheckpointKeys.generateEd25519();
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
