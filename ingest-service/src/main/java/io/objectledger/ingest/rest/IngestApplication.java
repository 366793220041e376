package io.objectledger.ingest.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "Object Ledger ingest-service", version = "v1",
        description = "Receives RGW bucket notifications over HTTP push"))
public class IngestApplication extends Application {
}
