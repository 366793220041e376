package io.objectledger.catalog.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.objectledger.events.json.LedgerJson;
import io.objectledger.events.object.ObjectIdentity;
import io.objectledger.support.db.StoreUnavailableException;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the catalog table. */
public class CatalogQueries {

    private static final String COLUMNS = "bucket, object_key, version_id, state, size, etag, content_type, "
            + "metadata, tags, last_event_type, last_event_time, updated_at, current_since, version_count";
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final ObjectMapper json = LedgerJson.newMapper();

    public CatalogQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<CatalogEntry> find(ObjectIdentity object) {
        String sql = "SELECT " + COLUMNS + " FROM catalog_object WHERE object_id = ?";
        List<CatalogEntry> found = query(sql, object.aggregateId());
        return found.stream().findFirst();
    }

    /** Objects present in a bucket whose key starts with {@code prefix}, in key order, after {@code startAfter}. */
    public List<CatalogEntry> list(String bucket, String prefix, String startAfter, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM catalog_object"
                + " WHERE bucket = ? AND state = 'PRESENT' AND SUBSTRING(object_key, 1, ?) = ? AND object_key > ?"
                + " ORDER BY object_key FETCH FIRST " + limit + " ROWS ONLY";
        return query(sql, bucket, prefix.length(), prefix, startAfter);
    }

    private List<CatalogEntry> query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<CatalogEntry> entries = new ArrayList<>();
                while (rows.next()) {
                    entries.add(entry(rows));
                }
                return entries;
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("Cannot read the catalog: " + e.getMessage(), e);
        }
    }

    private CatalogEntry entry(ResultSet row) throws SQLException {
        OffsetDateTime since = row.getObject("current_since", OffsetDateTime.class);
        return new CatalogEntry(row.getString("bucket"), row.getString("object_key"), row.getString("version_id"),
                ObjectState.valueOf(row.getString("state")), row.getLong("size"), row.getString("etag"),
                row.getString("content_type"),
                map(row.getString("metadata")), map(row.getString("tags")), row.getString("last_event_type"),
                row.getObject("last_event_time", OffsetDateTime.class).toInstant(),
                row.getObject("updated_at", OffsetDateTime.class).toInstant(), since == null ? null : since.toInstant(),
                row.getObject("version_count", Integer.class));
    }

    private Map<String, String> map(String value) {
        try {
            return json.readValue(value, STRING_MAP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
