package io.objectledger.lifecycle.health;

import io.objectledger.support.health.DatabaseReadinessCheck;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;

@Readiness
@ApplicationScoped
public class LifecycleDatabaseReadinessCheck extends DatabaseReadinessCheck {

    @Resource(lookup = "jdbc/ledger")
    DataSource dataSource;

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
