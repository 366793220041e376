package io.objectledger.ingest.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The push tokens the HTTP endpoint accepts. Several may be valid at once, so a token can be
 * rotated without losing notifications: add the new one, re-point RGW, remove the old one.
 *
 * <p>RGW 16.2 cannot send {@code user:password@} on an {@code http://} endpoint but keeps its
 * path and query, so a token is accepted in the path or as {@code ?token=}; newer gateways and
 * https endpoints can send {@code Authorization: Bearer <token>} or Basic with the token as password.
 */
@ApplicationScoped
public class PushCredentials {

    private static final Logger LOG = Logger.getLogger(PushCredentials.class.getName());

    @Inject
    @ConfigProperty(name = "ledger.ingest.tokens")
    Optional<List<String>> tokens;

    private List<byte[]> digests;

    public boolean configured() {
        return !digests().isEmpty();
    }

    public boolean accepts(String pathToken, String queryToken, String authorization) {
        return matches(pathToken) || matches(queryToken) || matches(fromAuthorization(authorization));
    }

    private static String fromAuthorization(String authorization) {
        if (authorization == null) {
            return null;
        }
        String[] scheme = authorization.trim().split("\\s+", 2);
        if (scheme.length != 2) {
            return null;
        }
        if (scheme[0].equalsIgnoreCase("Bearer")) {
            return scheme[1];
        }
        if (scheme[0].equalsIgnoreCase("Basic")) {
            try {
                String userAndPassword = new String(Base64.getDecoder().decode(scheme[1]), StandardCharsets.UTF_8);
                int colon = userAndPassword.indexOf(':');
                return colon < 0 ? null : userAndPassword.substring(colon + 1);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
        return null;
    }

    /** Compares digests in constant time, so timing tells nothing about a token. */
    private boolean matches(String candidate) {
        if (candidate == null || candidate.isEmpty()) {
            return false;
        }
        byte[] digest = sha256(candidate);
        boolean match = false;
        for (byte[] valid : digests()) {
            match |= MessageDigest.isEqual(valid, digest);
        }
        return match;
    }

    private List<byte[]> digests() {
        if (digests == null) {
            digests = tokens.orElse(List.of()).stream().map(String::trim).filter(t -> !t.isEmpty())
                    .map(PushCredentials::sha256).toList();
            if (digests.isEmpty()) {
                LOG.warning("No push tokens are configured (LEDGER_INGEST_TOKENS): every HTTP push is refused with 401");
            }
        }
        return digests;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
