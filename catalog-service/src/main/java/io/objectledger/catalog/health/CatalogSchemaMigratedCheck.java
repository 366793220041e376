package io.objectledger.catalog.health;

import io.objectledger.support.health.SchemaMigratedCheck;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Startup;

@Startup
@ApplicationScoped
public class CatalogSchemaMigratedCheck extends SchemaMigratedCheck {
}
