package io.objectledger.events.trail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * The offline verifier an auditor runs on an export: {@code java -jar shared-events-…-verifier.jar
 * --public-key key.pem --checkpoint cp.json [--checkpoint …] export.ndjson} ({@code -} reads the
 * export from standard input). Exit code 0 when verified, 1 when tampering was found, 2 when the
 * arguments or files could not be used.
 */
public final class VerifyTrail {

    static final int VERIFIED = 0;
    static final int TAMPERED = 1;
    static final int UNUSABLE = 2;
    private static final String USAGE = "usage: VerifyTrail --public-key <pem file> --checkpoint <json file>"
            + " [--checkpoint <json file> ...] <export.ndjson | ->";

    private VerifyTrail() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    public static int run(String[] args, PrintStream out) {
        Arguments arguments;
        try {
            arguments = Arguments.of(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(USAGE);
            return UNUSABLE;
        }
        PublicKey key;
        List<SignedCheckpoint> checkpoints = new ArrayList<>();
        try {
            key = CheckpointKeys.publicKey(Files.readString(arguments.publicKey()));
            for (Path checkpoint : arguments.checkpoints()) {
                checkpoints.add(SignedCheckpoint.fromJson(Files.readString(checkpoint)));
            }
        } catch (IOException | IllegalArgumentException e) {
            out.println("Cannot use the key or a checkpoint: " + describe(e));
            return UNUSABLE;
        }
        VerificationResult result;
        try {
            result = verify(key, checkpoints, arguments.export());
        } catch (IOException | UncheckedIOException e) {
            out.println("Cannot read the export " + arguments.export() + ": " + describe(e));
            return UNUSABLE;
        }
        out.println(report(result, arguments.export(), CheckpointKeys.keyId(key), checkpoints.size()));
        return result.verified() ? VERIFIED : TAMPERED;
    }

    private static VerificationResult verify(PublicKey key, List<SignedCheckpoint> checkpoints, String export)
            throws IOException {
        if (export.equals("-")) {
            // standard input belongs to the process; it is not closed here
            return new TrailVerifier().verify(key, checkpoints,
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        }
        try (BufferedReader reader = Files.newBufferedReader(Path.of(export), StandardCharsets.UTF_8)) {
            return new TrailVerifier().verify(key, checkpoints, reader);
        }
    }

    private static String report(VerificationResult result, String export, String keyId, int checkpoints) {
        String source = export.equals("-") ? "the export on standard input" : export;
        String against = " against " + checkpoints + (checkpoints == 1 ? " checkpoint" : " checkpoints")
                + " and public key " + keyId + ". ";
        if (result.verified()) {
            return "VERIFIED: " + source + " was checked" + against + capitalised(result.reason()) + ". "
                    + result.entriesChecked() + (result.entriesChecked() == 1 ? " entry" : " entries") + " checked.";
        }
        String failing = result.firstFailingPosition() == null ? ""
                : "The first position that cannot be trusted is " + result.firstFailingPosition() + ": ";
        String proven = result.verifiedSize() > 0
                ? " Entries 1 to " + result.verifiedSize() + " are proven by a signed checkpoint."
                : " No entry is proven by a signed checkpoint.";
        return "NOT VERIFIED: " + source + " was checked" + against + failing
                + (failing.isEmpty() ? capitalised(result.reason()) : result.reason()) + "." + proven;
    }

    /** A missing file's exception says only its name. */
    private static String describe(Exception e) {
        Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
        return cause instanceof NoSuchFileException ? "no such file " + cause.getMessage() : cause.getMessage();
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private record Arguments(Path publicKey, List<Path> checkpoints, String export) {

        static Arguments of(String[] args) {
            Path publicKey = null;
            List<Path> checkpoints = new ArrayList<>();
            String export = null;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--public-key") || arg.equals("--checkpoint")) {
                    if (i + 1 == args.length) {
                        throw new IllegalArgumentException(arg + " needs a file");
                    }
                    Path file = Path.of(args[++i]);
                    if (arg.equals("--public-key")) {
                        publicKey = file;
                    } else {
                        checkpoints.add(file);
                    }
                } else if (arg.startsWith("--") || export != null) {
                    throw new IllegalArgumentException("unexpected argument: " + arg);
                } else {
                    export = arg;
                }
            }
            if (publicKey == null || checkpoints.isEmpty() || export == null) {
                throw new IllegalArgumentException("a public key, at least one checkpoint and an export are needed");
            }
            return new Arguments(publicKey, checkpoints, export);
        }
    }
}
