package io.objectledger.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * The Ed25519 key pair the local audit-service signs its trail's checkpoints with, made on the
 * first start in a key directory and kept, as a deployment keeps it in a secret: an auditor
 * verifies exports with {@code public-key.pem} from there.
 */
public final class CheckpointSigningKey {

    private CheckpointSigningKey() {
    }

    /** The directory holding {@code private-key.pem} and {@code public-key.pem}, made if absent. */
    public static Path in(Path keyDirectory) throws IOException {
        Path directory = keyDirectory.resolve("checkpoints");
        Path privatePem = directory.resolve("private-key.pem");
        if (Files.exists(privatePem)) {
            return directory;
        }
        Files.createDirectories(directory);
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.writeString(directory.resolve("public-key.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Path written = Files.writeString(directory.resolve("private-key.pem.tmp"),
                    pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            try {
                Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the work directory's own permissions protect it.
            }
            Files.move(written, privatePem);
            return directory;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot make the local checkpoint signing key in " + directory, e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
