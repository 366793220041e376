package io.objectledger.catalog.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "Object Ledger catalog-service", version = "v1",
        description = "What is stored now, by bucket, prefix and key"))
public class CatalogApplication extends Application {
}
