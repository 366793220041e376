package io.objectledger.audit.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "Object Ledger audit-service", version = "v1",
        description = "Every recorded lifecycle event of an object"))
public class AuditApplication extends Application {
}
