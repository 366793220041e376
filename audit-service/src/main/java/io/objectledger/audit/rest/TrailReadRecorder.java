package io.objectledger.audit.rest;

import io.objectledger.audit.reads.TrailRead;
import io.objectledger.audit.reads.TrailReadLog;
import io.objectledger.events.object.ObjectIdentity;
import io.objectledger.support.db.StoreUnavailableException;
import io.objectledger.support.rest.Problem;
import io.objectledger.support.security.Caller;
import io.objectledger.support.security.Roles;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Records every read of the audit trail before it is answered: who (the token's subject), what
 * (the operation and its parameters), when, and under which tenant grant. A read that cannot be
 * recorded is not answered (503), so the record never misses one. A caller without the auditor
 * role is refused anyway and read nothing, so it is not recorded.
 */
@Provider
@Priority(Priorities.USER)
public class TrailReadRecorder implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(TrailReadRecorder.class.getName());

    @Context
    ResourceInfo resource;

    @Inject
    Caller caller;

    @Inject
    TrailReadLog log;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() == null
                || !request.getSecurityContext().isUserInRole(Roles.AUDITOR)) {
            return;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        flatten(request.getUriInfo().getPathParameters(), parameters);
        flatten(request.getUriInfo().getQueryParameters(), parameters);
        String bucket = parameters.get("bucket");
        TrailRead read = new TrailRead(0, Instant.now(), caller.name(), resource.getResourceMethod().getName(),
                bucket == null ? null : ObjectIdentity.tenantOf(bucket), parameters,
                String.join(",", caller.scope().tenants()));
        try {
            log.record(read);
        } catch (StoreUnavailableException e) {
            LOG.warning(() -> "Refusing a read of the audit trail by " + read.subject() + " (" + read.operation()
                    + " " + parameters + "): it could not be recorded: " + e.getMessage());
            request.abortWith(Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new Problem("store-unavailable", "the read could not be recorded, so it is not "
                            + "answered; try again"))
                    .build());
            return;
        }
        LOG.fine(() -> "Audit trail read by " + read.subject() + ": " + read.operation() + " " + parameters);
    }

    private static void flatten(MultivaluedMap<String, String> values, Map<String, String> into) {
        values.forEach((name, list) -> into.put(name, String.join(",", list)));
    }
}
