package io.objectledger.ingest.rest;

import io.objectledger.support.security.Roles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "Object Ledger ingest-service", version = "v1",
        description = "Receives RGW bucket notifications over HTTP push; re-drives dead letters"))
@LoginConfig(authMethod = "MP-JWT")
@SecurityScheme(securitySchemeName = Roles.SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "A JWT of the configured issuer; its groups claim holds the roles, "
        + "its tenants claim the RGW tenants it may see")
@SecurityScheme(securitySchemeName = IngestApplication.PUSH_TOKEN, type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.QUERY, apiKeyName = "token", description = "A push token of ledger.ingest.tokens: "
        + "in the path, as ?token=, or as the Bearer or Basic password of the Authorization header")
public class IngestApplication extends Application {

    /** The security scheme of the RGW push endpoint, which takes a push token rather than a JWT. */
    static final String PUSH_TOKEN = "pushToken";
}
