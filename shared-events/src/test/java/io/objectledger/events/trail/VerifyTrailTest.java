package io.objectledger.events.trail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VerifyTrailTest {

    private static final KeyPair KEYS = CheckpointKeys.generateEd25519();

    @TempDir
    Path dir;

    private final TrailExportFixture trail = new TrailExportFixture(50);
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @Test
    void anUntouchedExportExitsWithZero() throws IOException {
        Path export = write("export.ndjson", trail.text());

        assertThat(run(export.toString())).isZero();
        assertThat(report()).startsWith("VERIFIED")
                .contains("Entries 1 to 50 hash to the root signed at size 50", "50 entries checked")
                .contains(CheckpointKeys.keyId(KEYS.getPublic()));
    }

    @Test
    void aTamperedExportExitsWithOneAndNamesThePosition() throws IOException {
        List<String> lines = new ArrayList<>(trail.lines);
        lines.set(32, lines.get(32).replace("\"sourceIp\":\"10.0.0.33\"", "\"sourceIp\":\"10.0.0.34\""));
        Path export = write("export.ndjson", TrailExportFixture.text(lines));

        assertThat(run(export.toString())).isEqualTo(1);
        assertThat(report()).startsWith("NOT VERIFIED").contains("position 33").contains("Entries 1 to 20 are proven");
    }

    @Test
    void missingArgumentsOrFilesExitWithTwo() throws IOException {
        Path export = write("export.ndjson", trail.text());

        assertThat(VerifyTrail.run(new String[]{export.toString()}, new PrintStream(printed))).isEqualTo(2);
        assertThat(report()).contains("usage");
        assertThat(run(dir.resolve("absent.ndjson").toString())).isEqualTo(2);
    }

    private int run(String export) throws IOException {
        Path key = write("key.pem", CheckpointKeys.pem(KEYS.getPublic()));
        Path first = write("checkpoint-20.json", trail.checkpoint(20, KEYS).toJson());
        Path second = write("checkpoint-50.json", trail.checkpoint(50, KEYS).toJson());
        return VerifyTrail.run(new String[]{"--public-key", key.toString(), "--checkpoint", first.toString(),
                "--checkpoint", second.toString(), export}, new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private String report() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
