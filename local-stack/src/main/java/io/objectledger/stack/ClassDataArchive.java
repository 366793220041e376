package io.objectledger.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A service's AppCDS archive: the classes its server loaded up to ready, parsed, verified and
 * laid out as the JVM keeps them, so the next start maps them instead of loading them again and
 * is ready seconds sooner. The JVM writes it when the
 * server exits cleanly after a start without it, and ignores it, with a warning in the server's
 * log, if the JDK has changed since; a class whose bytes changed is loaded from its jar as usual.
 * The container images build no archive, so a container maps only the JDK's own.
 */
final class ClassDataArchive {

    private final Path file;
    private boolean writtenAtExit;

    ClassDataArchive(Path file) {
        this.file = file;
    }

    /** The JVM option for this start: use the archive, or write it when the server exits cleanly. */
    String jvmOption() throws IOException {
        writtenAtExit = !Files.isRegularFile(file);
        if (writtenAtExit) {
            Files.createDirectories(file.getParent());
            return "-XX:ArchiveClassesAtExit=" + file;
        }
        return "-XX:SharedArchiveFile=" + file;
    }

    /** True when the running server started without the archive and writes it on a clean exit. */
    boolean writtenAtExit() {
        return writtenAtExit;
    }

    boolean exists() {
        return Files.isRegularFile(file);
    }
}
