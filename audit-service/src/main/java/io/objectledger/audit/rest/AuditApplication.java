package io.objectledger.audit.rest;

import io.objectledger.support.security.Roles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "Object Ledger audit-service", version = "v1",
        description = "Every recorded lifecycle event of an object"))
@LoginConfig(authMethod = "MP-JWT")
@SecurityScheme(securitySchemeName = Roles.SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "A JWT of the configured issuer; its groups claim holds the roles, "
        + "its tenants claim the RGW tenants it may see")
public class AuditApplication extends Application {
}
