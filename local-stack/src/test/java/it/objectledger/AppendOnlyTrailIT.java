package it.objectledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.objectledger.stack.StackSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The user audit-service writes the trail as may append and read, and PostgreSQL refuses it an
 * UPDATE, a DELETE or a TRUNCATE of the trail, of its Merkle tree's nodes and of its signed
 * checkpoints: a service or a leaked credential cannot rewrite what was recorded. Only on
 * PostgreSQL, where the grants are.
 */
@ExtendWith(LocalStackExtension.class)
public class AppendOnlyTrailIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private static Ledger ledger;
    private static StackSettings settings;

    @BeforeAll
    static void connect() {
        settings = LocalStackExtension.settings();
        assumeThat(settings.postgres()).as("the append-only grants are PostgreSQL's").isTrue();
        ledger = new Ledger();
    }

    @Test
    public void theServicesUserReadsTheTrailItWrote() throws SQLException {
        String bucket = recordedBucket();

        try (Connection writer = connectAs(settings.auditWriter()); Statement sql = writer.createStatement();
             ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM audit_entry WHERE bucket = '" + bucket + "'")) {
            rows.next();
            assertThat(rows.getLong(1)).isPositive();
        }
    }

    @Test
    public void theServicesUserMayNotChangeOrRemoveAnEntry() throws SQLException {
        String bucket = recordedBucket();

        try (Connection writer = connectAs(settings.auditWriter()); Statement sql = writer.createStatement()) {
            for (String edit : new String[] {
                    "UPDATE audit_entry SET principal_id = 'mallory' WHERE bucket = '" + bucket + "'",
                    "DELETE FROM audit_entry WHERE bucket = '" + bucket + "'",
                    "TRUNCATE audit_entry",
                    "UPDATE trail_read SET subject = 'nobody'",
                    "DELETE FROM trail_read"}) {
                assertThatThrownBy(() -> sql.execute(edit)).as(edit)
                        .isInstanceOfSatisfying(SQLException.class,
                                e -> assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
            }
        }
        try (Connection owner = connectAs(settings.postgresUser()); Statement sql = owner.createStatement();
             ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM audit_entry WHERE bucket = '" + bucket
                     + "' AND principal_id = 'mallory'")) {
            rows.next();
            assertThat(rows.getLong(1)).isZero();
        }
    }

    @Test
    public void theServicesUserMayNotChangeOrRemoveTheTreeOrACheckpoint() throws SQLException {
        recordedBucket();
        JsonNode checkpoint = checkpoint();
        long size = checkpoint.get("treeSize").asLong();
        String forged = "'" + "0".repeat(64) + "'";

        try (Connection writer = connectAs(settings.auditWriter()); Statement sql = writer.createStatement()) {
            for (String edit : new String[] {
                    "UPDATE trail_node SET hash = " + forged,
                    "DELETE FROM trail_node",
                    "TRUNCATE trail_node",
                    "UPDATE trail_checkpoint SET root_hash = " + forged + " WHERE tree_size = " + size,
                    "DELETE FROM trail_checkpoint",
                    "TRUNCATE trail_checkpoint"}) {
                assertThatThrownBy(() -> sql.execute(edit)).as(edit)
                        .isInstanceOfSatisfying(SQLException.class,
                                e -> assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
            }
        }
        try (Connection owner = connectAs(settings.postgresUser()); Statement sql = owner.createStatement();
             ResultSet rows = sql.executeQuery("SELECT root_hash FROM trail_checkpoint WHERE tree_size = " + size)) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1).trim()).isEqualTo(checkpoint.get("rootHash").asText());
        }
        JsonNode verification = ledger.send(HttpRequest.newBuilder(
                URI.create(settings.baseUrl("audit") + "/api/audit/verification"))
                .POST(HttpRequest.BodyPublishers.noBody()), "auditor").body();
        assertThat(verification.get("verified").asBoolean()).as(verification.toString()).isTrue();
    }

    /** A checkpoint over the trail as it is, so that the checkpoint table holds one of its size. */
    private static JsonNode checkpoint() {
        Ledger.Answer taken = ledger.send(HttpRequest.newBuilder(
                URI.create(settings.baseUrl("audit") + "/api/audit/checkpoints"))
                .POST(HttpRequest.BodyPublishers.noBody()), "auditor");
        assertThat(taken.status()).as(taken.body().toString()).isEqualTo(200);
        return taken.body();
    }

    private static String recordedBucket() {
        String bucket = Ledger.freshBucket("append-only");
        assertThat(ledger.push(Ledger.fixtureInBucket("01-put-with-metadata.json", bucket)).status()).isEqualTo(200);
        await().atMost(DEADLINE).until(() -> ledger.auditHistory(bucket, "docs/hello.txt").status() == 200);
        return bucket;
    }

    private static Connection connectAs(String user) throws SQLException {
        String url = settings.databaseUrl("audit");
        return DriverManager.getConnection(url, user, "");
    }
}
