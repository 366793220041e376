package io.objectledger.audit.config;

import io.objectledger.audit.query.AuditProjection;
import io.objectledger.audit.query.AuditQueries;
import io.objectledger.audit.query.TrailSearch;
import io.objectledger.audit.query.TreeBackfill;
import io.objectledger.audit.reads.TrailReadLog;
import io.objectledger.audit.tree.TrailVerification;
import io.objectledger.audit.tree.TreeProofs;
import io.objectledger.support.db.MigratedStore;
import io.objectledger.support.db.StoreUnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Migrates the audit schema at start, as the schema's owner, and hands out the projection, the
 * queries over it (per object and across objects) and the record of reads. On PostgreSQL the
 * migrations grant the service's own user what appending and reading need and nothing more, so
 * it cannot change or remove an entry.
 */
@ApplicationScoped
public class AuditStore extends MigratedStore {

    private static final Logger LOG = Logger.getLogger(AuditStore.class.getName());

    @Resource(lookup = "jdbc/ledgerOwner")
    DataSource owner;

    /** Migrates, then gives entries recorded before the trail's tree their leaves (once; a no-op after). */
    @Override
    @PostConstruct
    protected void migrate() {
        super.migrate();
        TreeBackfill.run(owner);
    }

    @Override
    protected DataSource migrationDataSource() {
        return owner;
    }

    @Override
    protected Map<String, String> migrationPlaceholders() {
        String writer = userOf(dataSource());
        String schemaOwner = userOf(owner);
        if (writer.equalsIgnoreCase(schemaOwner)) {
            LOG.warning(() -> "audit-service writes the trail as " + writer + ", the user that owns its tables, "
                    + "which may change and delete entries: set DB_OWNER_USER (and DB_OWNER_PASSWORD) to the owner "
                    + "and DB_USER to a user of its own, so that the service may only append (docs/security.md)");
        }
        return Map.of("trailWriter", writer);
    }

    private static String userOf(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getUserName();
        } catch (SQLException e) {
            throw new StoreUnavailableException("Cannot reach the audit database: " + e.getMessage(), e);
        }
    }

    @Produces
    AuditProjection projection() {
        return new AuditProjection();
    }

    @Produces
    AuditQueries queries() {
        return new AuditQueries(dataSource());
    }

    @Produces
    TrailSearch search() {
        return new TrailSearch(dataSource());
    }

    @Produces
    TrailVerification verification() {
        return new TrailVerification(dataSource());
    }

    @Produces
    TreeProofs proofs() {
        return new TreeProofs(dataSource());
    }

    @Produces
    TrailReadLog reads() {
        return new TrailReadLog(dataSource());
    }
}
