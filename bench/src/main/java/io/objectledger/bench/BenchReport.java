package io.objectledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** The run's results as Markdown, printed as they come and written to a file at the end. */
public final class BenchReport {

    private final StringBuilder text = new StringBuilder();
    private final String name;

    public BenchReport(String name) {
        this.name = name;
    }

    public void heading(String title) {
        line("");
        line("### " + title);
        line("");
    }

    public void line(String line) {
        text.append(line).append('\n');
        System.out.println("[bench] " + line);
    }

    public void row(Object... cells) {
        StringBuilder row = new StringBuilder("|");
        for (Object cell : cells) {
            row.append(' ').append(cell).append(" |");
        }
        line(row.toString());
    }

    public Path write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(name + "-" + LocalDateTime.now()
                .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
        Files.writeString(file, text);
        return file;
    }
}
