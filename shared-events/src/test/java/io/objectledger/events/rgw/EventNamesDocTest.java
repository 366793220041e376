package io.objectledger.events.rgw;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table of event names in docs/ingest.md, which the README points operators at, is what the
 * mapper does: every name in it is handled as it says, and every name the mapper knows is in it.
 */
class EventNamesDocTest {

    /** Surefire runs in the module directory; the docs are the repository's. */
    private static final Path INGEST_DOC = Path.of("..", "docs", "ingest.md");
    private static final String SECTION = "## Event names";
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\|[^|]*\\| `([^`]+)`");

    @Test
    void everyNameInTheDocIsHandledAsTheDocSays() throws IOException {
        Map<String, String> documented = documentedNames();

        assertThat(documented).as("rows of the table under '%s' in %s", SECTION, INGEST_DOC).isNotEmpty();
        documented.forEach((name, handling) ->
                assertThat(EventHandling.of(name)).as("%s, documented as %s", name, handling).isEqualTo(handling));
    }

    @Test
    void everyNameTheMapperKnowsIsInTheDoc() throws IOException {
        assertThat(documentedNames().keySet()).as("event names in %s", INGEST_DOC)
                .containsExactlyInAnyOrderElementsOf(RgwCommandMapper.eventNames());
    }

    private static Map<String, String> documentedNames() throws IOException {
        List<String> lines = Files.readAllLines(INGEST_DOC);
        int start = lines.indexOf(SECTION);
        assertThat(start).as("section '%s' in %s", SECTION, INGEST_DOC.toAbsolutePath()).isNotNegative();
        Map<String, String> names = new LinkedHashMap<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                assertThat(names.put(row.group(1), row.group(2))).as("%s listed twice", row.group(1)).isNull();
            }
        }
        return names;
    }
}
