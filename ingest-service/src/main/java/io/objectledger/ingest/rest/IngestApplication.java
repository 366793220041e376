package io.objectledger.ingest.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("/api")
public class IngestApplication extends Application {
}
