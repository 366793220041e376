package io.objectledger.events.trail;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TrailEntryTest {

    private static final String SALT = "00112233445566778899aabbccddeeff";
    private static final String PAYLOAD = "{\"type\":\"x\", \"object\": {\"key\":\"a b/é\"}}";
    /** hashlib.sha256(bytes.fromhex(SALT) + PAYLOAD.encode()).hexdigest(), computed outside this code. */
    private static final String COMMITMENT = "e7dbf4fad12e5ac10625e916dd1f6b9721e65c49e49ad30ab097d0c30373ef22";
    /** The encoding below, hashed as hashlib.sha256(b"\x00" + encoded).hexdigest() outside this code. */
    private static final String LEAF_HASH = "83120e7f61ecc1924d59f13b8c63b7e3a95915e0429cc9330113e960f9f9cbce";
    private static final String ENCODED = """
            object-ledger-leaf/1
            2:42
            5:evt-1
            6:obj-9f
            6:photos
            10:a b/é.jpg
            0:
            1:7
            13:ObjectCreated
            17:ObjectCreated:Put
            27:2026-03-01T10:15:30.123456Z
            27:2026-03-01T10:15:30.000000Z
            27:2026-03-01T10:15:31.500000Z
            5:alice
            12:tenant$owner
            8:10.0.0.5
            6:req-77
            5:rgw-a
            32:00112233445566778899aabbccddeeff
            64:e7dbf4fad12e5ac10625e916dd1f6b9721e65c49e49ad30ab097d0c30373ef22
            """;

    @Test
    void theEncodingAndLeafHashArePinned() {
        TrailEntry entry = entry("photos", "a b/é.jpg");

        assertThat(new String(entry.encoded(), StandardCharsets.UTF_8)).isEqualTo(ENCODED);
        assertThat(MerkleHashes.hex(entry.leafHash())).isEqualTo(LEAF_HASH);
    }

    @Test
    void thePayloadCommitmentIsTheSaltedHashOfThePayloadText() {
        assertThat(TrailEntry.payloadCommitment(SALT, PAYLOAD)).isEqualTo(COMMITMENT);
        assertThat(TrailEntry.payloadCommitment(SALT, PAYLOAD.replace(", ", ","))).isNotEqualTo(COMMITMENT);
        assertThat(TrailEntry.payloadCommitment(TrailEntry.newSalt(), PAYLOAD)).isNotEqualTo(COMMITMENT);
    }

    @Test
    void aCharacterMovedBetweenNeighbouringFieldsChangesTheLeaf() {
        TrailEntry original = entry("photos", "a b/é.jpg");
        TrailEntry moved = entry("photosa", " b/é.jpg");

        assertThat(moved.leafHash()).isNotEqualTo(original.leafHash());
    }

    @Test
    void nullTextIsEncodedAsEmptyText() {
        TrailEntry withNull = entry("photos", null);
        TrailEntry withEmpty = entry("photos", "");

        assertThat(withNull.encoded()).isEqualTo(withEmpty.encoded());
        assertThat(withNull.key()).isEmpty();
    }

    @Test
    void canonicalTimeHasExactlySixFractionDigitsInUtc() {
        assertThat(TrailEntry.canonicalTime(Instant.parse("2026-03-01T10:15:30Z"))).isEqualTo("2026-03-01T10:15:30.000000Z");
        assertThat(TrailEntry.canonicalTime(Instant.parse("2026-03-01T10:15:30.5Z"))).isEqualTo("2026-03-01T10:15:30.500000Z");
        assertThat(TrailEntry.canonicalTime(Instant.parse("2026-03-01T12:15:30.000001+02:00")))
                .isEqualTo("2026-03-01T10:15:30.000001Z");
        assertThat(TrailEntry.canonicalTime(Instant.parse("2026-03-01T10:15:30.123456789Z")))
                .isEqualTo("2026-03-01T10:15:30.123456Z");
    }

    @Test
    void saltsAreSixteenFreshRandomBytes() {
        String salt = TrailEntry.newSalt();

        assertThat(salt).matches("[0-9a-f]{32}");
        assertThat(TrailEntry.newSalt()).isNotEqualTo(salt);
    }

    private static TrailEntry entry(String bucket, String key) {
        return new TrailEntry(42, "evt-1", "obj-9f", bucket, key, null, 7, "ObjectCreated", "ObjectCreated:Put",
                Instant.parse("2026-03-01T10:15:30.123456789Z"), Instant.parse("2026-03-01T10:15:30Z"),
                Instant.parse("2026-03-01T10:15:31.5Z"), "alice", "tenant$owner", "10.0.0.5", "req-77", "rgw-a",
                SALT, TrailEntry.payloadCommitment(SALT, PAYLOAD));
    }
}
