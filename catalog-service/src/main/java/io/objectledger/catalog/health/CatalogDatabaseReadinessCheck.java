package io.objectledger.catalog.health;

import io.objectledger.catalog.config.CatalogStore;
import io.objectledger.support.health.DatabaseReadinessCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;

@Readiness
@ApplicationScoped
public class CatalogDatabaseReadinessCheck extends DatabaseReadinessCheck {

    @Inject
    CatalogStore store;

    @Override
    protected DataSource dataSource() {
        return store.dataSource();
    }
}
