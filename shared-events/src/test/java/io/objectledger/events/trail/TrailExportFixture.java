package io.objectledger.events.trail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.StringReader;
import java.security.KeyPair;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * An export of a trail written the way the audit service writes it: the entry's fields, then
 * {@code "event":} and the stored event text verbatim, with spaces, unicode and escapes in it.
 */
final class TrailExportFixture {

    static final String ORIGIN = "objectledger.example/trail";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-03-01T10:15:30.123456Z");

    final List<TrailEntry> entries = new ArrayList<>();
    final List<String> payloads = new ArrayList<>();
    final List<String> lines = new ArrayList<>();

    TrailExportFixture(int size) {
        for (int position = 1; position <= size; position++) {
            String payload = "{\"type\":\"x\", \"object\": {\"key\":\"a b/é " + position
                    + "\", \"note\":\"brace } and \\\"quote\\\"\"}, \"size\": 1.50}";
            String salt = TrailEntry.newSalt();
            Instant time = START.plusSeconds(position);
            TrailEntry entry = new TrailEntry(position, "evt-" + position, "obj-" + position % 7, "photos",
                    "dir/file " + position + " é.jpg", position % 3 == 0 ? null : "v" + position, position,
                    "ObjectCreated", "ObjectCreated:Put", time, time.plusMillis(5), time.plusMillis(9), "alice",
                    "tenant$owner", "10.0.0." + position, "req-" + position, "rgw-a", salt,
                    TrailEntry.payloadCommitment(salt, payload));
            entries.add(entry);
            payloads.add(payload);
            lines.add(line(entry, payload, entry.leafHash()));
        }
    }

    /** One export line; every fifth entry's event time is written with an offset, as ISO-8601 allows. */
    static String line(TrailEntry entry, String payload, byte[] leafHash) {
        String eventTime = entry.position() % 5 == 0
                ? entry.eventTime().atOffset(ZoneOffset.ofHours(2)).toString() : entry.eventTime().toString();
        ObjectNode fields = JSON.createObjectNode()
                .put("position", entry.position())
                .put("eventId", entry.eventId())
                .put("bucket", entry.bucket())
                .put("key", entry.key())
                .put("objectId", entry.objectId())
                .put("versionId", entry.versionId().isEmpty() ? null : entry.versionId())
                .put("sequence", entry.sequence())
                .put("eventType", entry.eventType())
                .put("eventName", entry.eventName())
                .put("eventTime", eventTime)
                .put("receivedAt", entry.receivedAt().toString())
                .put("recordedAt", entry.recordedAt().toString())
                .put("principalId", entry.principalId())
                .put("ownerId", entry.ownerId())
                .put("sourceIp", entry.sourceIp())
                .put("requestId", entry.requestId())
                .put("gatewayId", entry.gatewayId())
                .put("previousHash", "ab".repeat(32))
                .put("entryHash", "cd".repeat(32))
                .put("hashFormat", 2)
                .put("leafHash", MerkleHashes.hex(leafHash))
                .put("payloadSalt", entry.payloadSalt());
        String text = fields.toString();
        return text.substring(0, text.length() - 1) + ",\"event\":" + payload + "}";
    }

    byte[] root(int size) {
        return ReferenceTree.mth(entries.subList(0, size).stream().map(TrailEntry::leafHash).toList());
    }

    SignedCheckpoint checkpoint(int size, KeyPair keys) {
        Checkpoint checkpoint = new Checkpoint(ORIGIN, size, root(size), START.plusSeconds(3600 + size));
        return SignedCheckpoint.sign(checkpoint, keys.getPrivate(), CheckpointKeys.keyId(keys.getPublic()));
    }

    String text() {
        return text(lines);
    }

    static String text(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }

    static BufferedReader reader(List<String> lines) {
        return new BufferedReader(new StringReader(text(lines)));
    }
}
