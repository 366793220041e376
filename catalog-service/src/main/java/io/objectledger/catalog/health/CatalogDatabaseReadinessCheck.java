package io.objectledger.catalog.health;

import io.objectledger.support.health.DatabaseReadinessCheck;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;

@Readiness
@ApplicationScoped
public class CatalogDatabaseReadinessCheck extends DatabaseReadinessCheck {
}
