package io.objectledger.stack;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The local stack's token issuer: a key pair made on the first start in a work directory (the
 * private key never leaves it), the public key the services verify with, and tokens per role.
 */
public final class AccessTokens {

    public static final String ISSUER = "urn:object-ledger:local-stack";
    public static final String AUDIENCE = "object-ledger";
    /** The claim the services read the caller's RGW tenants from (ledger.auth.tenants-claim). */
    public static final String TENANTS_CLAIM = "tenants";

    private static final Duration LOCAL_TOKEN_LIFETIME = Duration.ofHours(24);

    private final Path publicKey;
    private final PrivateKey privateKey;

    private AccessTokens(Path publicKey, PrivateKey privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    /** Reads the key pair kept in {@code directory}, making one on the first start there. */
    public static AccessTokens in(Path directory) throws IOException {
        Path privatePem = directory.resolve("private-key.pem");
        Path publicPem = directory.resolve("public-key.pem");
        try {
            if (!Files.exists(privatePem)) {
                Files.createDirectories(directory);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Path written = Files.writeString(directory.resolve("private-key.pem.tmp"),
                        pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                try {
                    Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the work directory's own permissions protect it.
                }
                Files.move(written, privatePem);
            }
            PrivateKey privateKey = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(unpem(Files.readString(privatePem))));
            RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) privateKey;
            byte[] publicDer = KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent())).getEncoded();
            String publicText = pem("PUBLIC KEY", publicDer);
            // Running services read this file: it is written once, never rewritten under them.
            if (!Files.exists(publicPem) || !Files.readString(publicPem).equals(publicText)) {
                Files.writeString(publicPem, publicText);
            }
            return new AccessTokens(publicPem, privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot make or read the local stack's token key in " + directory, e);
        }
    }

    /** The PEM file the services are given as {@code mp.jwt.verify.publickey.location}. */
    public Path publicKey() {
        return publicKey;
    }

    /** The claims of a token of this issuer for this audience, valid from now for {@code lifetime}. */
    public static JWTClaimsSet.Builder claims(String subject, List<String> groups, List<String> tenants,
                                              Duration lifetime) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .claim("upn", subject)
                .claim("groups", groups)
                .claim(TENANTS_CLAIM, tenants)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)));
    }

    public String sign(JWTClaimsSet claims) {
        return sign(claims, privateKey);
    }

    /** Signs with any key, e.g. one the services do not know. */
    public static String sign(JWTClaimsSet claims, PrivateKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    public String token(String subject, List<String> groups, List<String> tenants) {
        return sign(claims(subject, groups, tenants, LOCAL_TOKEN_LIFETIME).build());
    }

    /**
     * Writes a token per role (all tenants), and a catalog reader of tenant {@code t1} only, to
     * {@code directory} as {@code <name>.jwt}; answers them by name.
     */
    public Map<String, String> writeLocalTokens(Path directory) throws IOException {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("auditor", token("local-auditor", List.of("auditor"), List.of("*")));
        tokens.put("catalog-reader", token("local-catalog-reader", List.of("catalog-reader"), List.of("*")));
        tokens.put("operator", token("local-operator", List.of("operator"), List.of("*")));
        tokens.put("catalog-reader-t1", token("local-t1-reader", List.of("catalog-reader"), List.of("t1")));
        Files.createDirectories(directory);
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            Files.writeString(directory.resolve(token.getKey() + ".jwt"), token.getValue());
        }
        return tokens;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }
}
