package io.objectledger.catalog.config;

import io.objectledger.catalog.query.CatalogProjection;
import io.objectledger.catalog.query.CatalogQueries;
import io.objectledger.support.db.MigratedStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Migrates the catalog schema at start and hands out the projection and the queries over it. */
@ApplicationScoped
public class CatalogStore extends MigratedStore {

    @Produces
    CatalogProjection projection() {
        return new CatalogProjection();
    }

    @Produces
    CatalogQueries queries() {
        return new CatalogQueries(dataSource());
    }
}
