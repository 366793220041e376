package io.objectledger.catalog.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("/api")
public class CatalogApplication extends Application {
}
