package io.objectledger.events.trail;

import io.objectledger.events.object.Sha256;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.KeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/** The keys that sign checkpoints, Ed25519 or ECDSA, as the PEM files openssl writes and reads. */
public final class CheckpointKeys {

    private static final List<String> KEY_ALGORITHMS = List.of("Ed25519", "EC");
    private static final int KEY_ID_LENGTH = 16;

    private CheckpointKeys() {
    }

    /**
     * A PKCS#8 {@code PRIVATE KEY} block, as openssl genpkey writes it; an older {@code EC PRIVATE KEY}
     * block converts with {@code openssl pkcs8 -topk8 -nocrypt}.
     */
    public static PrivateKey privateKey(String pem) {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der(pem, "PRIVATE KEY"));
        return (PrivateKey) decode(spec, true);
    }

    /** An X.509 {@code PUBLIC KEY} block. */
    public static PublicKey publicKey(String pem) {
        X509EncodedKeySpec spec = new X509EncodedKeySpec(der(pem, "PUBLIC KEY"));
        return (PublicKey) decode(spec, false);
    }

    public static String pem(PublicKey key) {
        return block("PUBLIC KEY", key.getEncoded());
    }

    public static String pem(PrivateKey key) {
        return block("PRIVATE KEY", key.getEncoded());
    }

    /** The first 16 hex digits of SHA-256 of the key's X.509 form: enough to tell a handful of keys apart. */
    public static String keyId(PublicKey key) {
        return Sha256.hex(key.getEncoded()).substring(0, KEY_ID_LENGTH);
    }

    public static String signatureAlgorithm(Key key) {
        if (key instanceof EdECKey edKey && !"Ed25519".equalsIgnoreCase(edKey.getParams().getName())) {
            throw new IllegalArgumentException("checkpoints are signed with Ed25519, not "
                    + edKey.getParams().getName());
        }
        return switch (key.getAlgorithm()) {
            case "EdDSA", "Ed25519" -> "Ed25519";
            case "EC" -> "SHA256withECDSA";
            default -> throw new IllegalArgumentException("checkpoints are signed with Ed25519 or ECDSA keys, not "
                    + key.getAlgorithm());
        };
    }

    public static KeyPair generateEd25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM since 15 has Ed25519", e);
        }
    }

    private static Key decode(KeySpec spec, boolean isPrivate) {
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                KeyFactory factory = KeyFactory.getInstance(algorithm);
                return isPrivate ? factory.generatePrivate(spec) : factory.generatePublic(spec);
            } catch (InvalidKeySpecException notThisAlgorithm) {
                // the PEM block does not name its algorithm; the next factory may read it
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every JVM since 15 has Ed25519 and EC keys", e);
            }
        }
        throw new IllegalArgumentException("not an Ed25519 or EC " + (isPrivate ? "private" : "public") + " key");
    }

    private static byte[] der(String pem, String label) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end, Math.max(from, 0));
        if (from < 0 || to < 0) {
            throw new IllegalArgumentException("expected a PEM block " + begin);
        }
        try {
            return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + label + " block is not base64", e);
        }
    }

    private static String block(String label, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + base64 + "\n-----END " + label + "-----\n";
    }
}
