package it.objectledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.objectledger.events.fixtures.RgwFixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Malformed and hostile notification bodies, each with the reason(s) the ledger must give:
 * hand-written cases, every captured payload truncated at several points, and every captured
 * payload with each of a set of fields broken.
 */
public final class HostileCorpus {

    public record Hostile(String name, byte[] body, Set<String> reasons) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private HostileCorpus() {
    }

    /** Every case, each body distinct, none larger than {@code maxBodyBytes}. */
    public static List<Hostile> all() {
        Map<String, Hostile> byBody = new LinkedHashMap<>();
        for (Hostile hostile : concat(handWritten(), truncations(), brokenFields())) {
            byBody.putIfAbsent(new String(hostile.body(), StandardCharsets.ISO_8859_1), hostile);
        }
        return List.copyOf(byBody.values());
    }

    @SafeVarargs
    private static List<Hostile> concat(List<Hostile>... lists) {
        List<Hostile> all = new ArrayList<>();
        Arrays.stream(lists).forEach(all::addAll);
        return all;
    }

    static List<Hostile> handWritten() {
        String put = fixture("01-put-with-metadata.json");
        List<Hostile> cases = new ArrayList<>(List.of(
                text("empty body", "", "invalid-json"),
                text("blanks", "   \n ", "invalid-json"),
                text("not json", "hello rgw", "invalid-json"),
                text("json null", "null", "invalid-structure"),
                text("json array", "[]", "invalid-structure"),
                text("json number", "42", "invalid-structure"),
                text("json string", "\"Records\"", "invalid-structure"),
                text("json true", "true", "invalid-structure"),
                text("empty object", "{}", "missing-field"),
                text("Records null", "{\"Records\":null}", "missing-field"),
                text("Records object", "{\"Records\":{}}", "wrong-type"),
                text("Records string", "{\"Records\":\"x\"}", "wrong-type"),
                text("Records number", "{\"Records\":1}", "wrong-type"),
                text("empty Records", "{\"Records\":[]}", "no-records"),
                text("null record", "{\"Records\":[null]}", "missing-field"),
                text("number record", "{\"Records\":[1]}", "wrong-type"),
                text("string record", "{\"Records\":[\"x\"]}", "wrong-type"),
                text("array record", "{\"Records\":[[]]}", "wrong-type"),
                text("empty record", "{\"Records\":[{}]}", "missing-field"),
                text("trailing garbage", put + "}}", "invalid-json"),
                text("two documents", put + put, "invalid-json"),
                text("deep nesting", "{\"Records\":" + "[".repeat(200) + "]".repeat(200) + "}", "invalid-json"),
                text("deep objects", "{\"a\":".repeat(300) + "1" + "}".repeat(300), "invalid-json"),
                text("2 KB ascii key", put.replace("docs/hello.txt", "k".repeat(2048)), "key-too-long"),
                text("1025 byte key", put.replace("docs/hello.txt", "k".repeat(1025)), "key-too-long"),
                text("600 umlaut key", put.replace("docs/hello.txt", "ü".repeat(600)), "key-too-long"),
                text("empty key", put.replace("docs/hello.txt", ""), "invalid-value"),
                text("empty bucket", put.replace("\"name\":\"lab-bucket\"", "\"name\":\"\""), "invalid-value"),
                text("huge size", put.replace("\"size\":24", "\"size\":1e30"), "wrong-type"),
                text("huger size", put.replace("\"size\":24", "\"size\":999999999999999999999999999"), "wrong-type"),
                text("fraction size", put.replace("\"size\":24", "\"size\":1.5"), "wrong-type"),
                text("negative size", put.replace("\"size\":24", "\"size\":-24"), "invalid-value"),
                text("string size", put.replace("\"size\":24", "\"size\":\"24\""), "wrong-type"),
                text("bad time", put.replace("2026-11-26T21:53:18.676671Z", "yesterday"), "invalid-value"),
                text("local time", put.replace("2026-11-26T21:53:18.676671Z", "2026-11-26 21:53:18"), "invalid-value")));
        for (String eventName : List.of("ObjectTagging:Put", "ObjectTagging:Delete", "ObjectCreated:*",
                "ObjectAcl:Put", "ObjectRestore:*", "objectcreated:put", "s3:", "Put", "ObjectCreated:Put ",
                "../../etc/passwd", "<script>alert(1)</script>", "ObjectRemoved:*", "TestEvent")) {
            cases.add(text("unknown event " + eventName, put.replace("\"ObjectCreated:Put\"",
                    JSON.getNodeFactory().textNode(eventName).toString()), "unknown-event"));
        }
        cases.add(text("empty event name", put.replace("\"ObjectCreated:Put\"", "\"\""), "invalid-value"));
        byte[] valid = put.getBytes(StandardCharsets.UTF_8);
        int inKey = put.indexOf("hello.txt");
        cases.add(bytes("lone continuation byte", splice(valid, inKey, new byte[]{(byte) 0x80}), "invalid-utf8"));
        cases.add(bytes("bad two-byte sequence", splice(valid, inKey, new byte[]{(byte) 0xC3, (byte) 0x28}), "invalid-utf8"));
        cases.add(bytes("0xFF byte", splice(valid, inKey, new byte[]{(byte) 0xFF}), "invalid-utf8"));
        cases.add(bytes("encoded surrogate", splice(valid, inKey, new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}), "invalid-utf8"));
        cases.add(bytes("overlong slash", splice(valid, inKey, new byte[]{(byte) 0xC0, (byte) 0xAF}), "invalid-utf8"));
        cases.add(bytes("latin-1 umlaut", splice(valid, inKey, new byte[]{(byte) 0xFC}), "invalid-utf8"));
        cases.add(bytes("cut multibyte at end", Arrays.copyOf(splice(valid, valid.length, new byte[]{(byte) 0xE2, (byte) 0x82}),
                valid.length + 2), "invalid-utf8"));
        cases.add(bytes("NUL bytes", new byte[64], "invalid-json"));
        return cases;
    }

    /** A strict prefix of a JSON object is never valid JSON; a cut inside 'ü' is invalid UTF-8 instead. */
    static List<Hostile> truncations() {
        List<Hostile> cases = new ArrayList<>();
        for (String fixture : RgwFixtures.ALL) {
            byte[] whole = RgwFixtures.read(fixture);
            for (double at : new double[]{0.1, 0.3, 0.5, 0.7, 0.95}) {
                int length = (int) (whole.length * at);
                cases.add(new Hostile(fixture + " cut at " + length, Arrays.copyOf(whole, length),
                        Set.of("invalid-json", "invalid-utf8")));
            }
            cases.add(new Hostile(fixture + " without last brace", Arrays.copyOf(whole, whole.length - 1),
                    Set.of("invalid-json")));
        }
        return cases;
    }

    static List<Hostile> brokenFields() {
        Map<String, Consumer<ObjectNode>> breakages = new LinkedHashMap<>();
        breakages.put("eventName removed", record -> record.remove("eventName"));
        breakages.put("eventName number", record -> record.set("eventName", IntNode.valueOf(7)));
        breakages.put("eventName null", record -> record.set("eventName", NODES.nullNode()));
        breakages.put("eventTime garbage", record -> record.put("eventTime", "not a time"));
        breakages.put("eventTime object", record -> record.set("eventTime", NODES.objectNode()));
        breakages.put("eventVersion removed", record -> record.remove("eventVersion"));
        breakages.put("s3 removed", record -> record.remove("s3"));
        breakages.put("bucket string", record -> ((ObjectNode) record.get("s3")).put("bucket", "b"));
        breakages.put("bucket name number", record -> bucket(record).set("name", IntNode.valueOf(5)));
        breakages.put("object array", record -> ((ObjectNode) record.get("s3")).set("object", NODES.arrayNode()));
        breakages.put("key null", record -> object(record).set("key", NODES.nullNode()));
        breakages.put("key array", record -> object(record).set("key", NODES.arrayNode().add("k")));
        breakages.put("size string", record -> object(record).put("size", "12"));
        breakages.put("size negative", record -> object(record).put("size", -5));
        breakages.put("tags string", record -> object(record).put("tags", "x"));
        breakages.put("tag key number", record -> object(record).set("tags",
                NODES.arrayNode().add(NODES.objectNode().put("key", 1).put("val", "v"))));
        breakages.put("metadata number", record -> object(record).put("metadata", 3));
        breakages.put("eventName unknown", record -> record.put("eventName", "ObjectCreated:Teleport"));
        Map<String, Set<String>> expected = Map.ofEntries(
                Map.entry("eventName removed", Set.of("missing-field")),
                Map.entry("eventName number", Set.of("wrong-type")),
                Map.entry("eventName null", Set.of("missing-field")),
                Map.entry("eventTime garbage", Set.of("invalid-value")),
                Map.entry("eventTime object", Set.of("wrong-type")),
                Map.entry("eventVersion removed", Set.of("missing-field")),
                Map.entry("s3 removed", Set.of("missing-field")),
                Map.entry("bucket string", Set.of("wrong-type")),
                Map.entry("bucket name number", Set.of("wrong-type")),
                Map.entry("object array", Set.of("wrong-type")),
                Map.entry("key null", Set.of("missing-field")),
                Map.entry("key array", Set.of("wrong-type")),
                Map.entry("size string", Set.of("wrong-type")),
                Map.entry("size negative", Set.of("invalid-value")),
                Map.entry("tags string", Set.of("wrong-type")),
                Map.entry("tag key number", Set.of("wrong-type")),
                Map.entry("metadata number", Set.of("wrong-type")),
                Map.entry("eventName unknown", Set.of("unknown-event")));
        List<Hostile> cases = new ArrayList<>();
        for (String fixture : RgwFixtures.ALL) {
            breakages.forEach((name, breakage) -> {
                JsonNode root = tree(RgwFixtures.read(fixture));
                breakage.accept((ObjectNode) root.get("Records").get(0));
                cases.add(new Hostile(fixture + " " + name, write(root), expected.get(name)));
            });
        }
        return cases;
    }

    private static ObjectNode bucket(ObjectNode record) {
        return (ObjectNode) record.get("s3").get("bucket");
    }

    private static ObjectNode object(ObjectNode record) {
        return (ObjectNode) record.get("s3").get("object");
    }

    private static Hostile text(String name, String body, String reason) {
        return new Hostile(name, body.getBytes(StandardCharsets.UTF_8), Set.of(reason));
    }

    private static Hostile bytes(String name, byte[] body, String reason) {
        return new Hostile(name, body, Set.of(reason));
    }

    private static byte[] splice(byte[] body, int at, byte[] inserted) {
        byte[] result = new byte[body.length + inserted.length];
        System.arraycopy(body, 0, result, 0, at);
        System.arraycopy(inserted, 0, result, at, inserted.length);
        System.arraycopy(body, at, result, at + inserted.length, body.length - at);
        return result;
    }

    private static String fixture(String name) {
        return new String(RgwFixtures.read(name), StandardCharsets.UTF_8);
    }

    private static JsonNode tree(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] write(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
