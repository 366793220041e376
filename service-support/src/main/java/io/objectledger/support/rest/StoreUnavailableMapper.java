package io.objectledger.support.rest;

import io.objectledger.support.db.StoreUnavailableException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Logger;

/**
 * A query that fails on the database answers 503 with a readable message instead of an HTML
 * page: the database being away is temporary, and readiness says so too. Any other exception is
 * a fault of the service and keeps the server's 500.
 */
@Provider
public class StoreUnavailableMapper implements ExceptionMapper<StoreUnavailableException> {

    private static final Logger LOG = Logger.getLogger(StoreUnavailableMapper.class.getName());

    @Override
    public Response toResponse(StoreUnavailableException e) {
        LOG.warning(() -> "Answering 503: " + e.getMessage());
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new Problem("store-unavailable", "the store cannot answer now; try again"))
                .build();
    }
}
