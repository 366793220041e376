package it.objectledger.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** catalog-service's REST API as a client sees it (its OpenAPI document), for MicroShed's typed clients. */
@Path("/catalog/{bucket}")
@Produces(MediaType.APPLICATION_JSON)
public interface CatalogApi {

    @GET
    @Path("/object")
    Response object(@PathParam("bucket") String bucket, @QueryParam("key") String key);

    @GET
    Listing list(@PathParam("bucket") String bucket, @QueryParam("prefix") String prefix);

    /** A page of a bucket's objects. */
    class Listing {
        public String bucket;
        public List<Entry> objects;
        public String nextStartAfter;
    }

    /** One object as the catalog knows it (the fields these tests read). */
    class Entry {
        public String bucket;
        public String key;
        public String eTag;
        public String state;
    }
}
