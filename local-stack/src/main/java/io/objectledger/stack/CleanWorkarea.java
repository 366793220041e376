package io.objectledger.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A server's Liberty workarea (its OSGi framework state and caches) as the last clean stop left
 * it. Every start begins from it, because a server killed with SIGKILL leaves a workarea Liberty
 * partly rebuilds, seconds more, on its next start. Only caches live there; the transaction log
 * and the service's data do not.
 */
final class CleanWorkarea {

    private final Path workarea;
    private final Path saved;

    CleanWorkarea(Path serverOutput) {
        this.workarea = serverOutput.resolve("workarea");
        this.saved = serverOutput.resolve("workarea.clean");
    }

    boolean isSaved() {
        return Files.isDirectory(saved);
    }

    /** After a clean stop. */
    void save() throws IOException {
        if (Files.isDirectory(workarea)) {
            Directories.replaceWithCopy(workarea, saved);
        }
    }

    /** Before a start. */
    void restore() throws IOException {
        if (isSaved()) {
            Directories.replaceWithCopy(saved, workarea);
        }
    }
}
