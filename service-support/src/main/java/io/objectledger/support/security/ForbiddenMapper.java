package io.objectledger.support.security;

import io.objectledger.support.rest.Problem;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A valid token without the operation's role: 403 with the problem JSON and the RFC 6750
 * challenge, rather than the empty answer the server would give.
 */
@Provider
public class ForbiddenMapper implements ExceptionMapper<ForbiddenException> {

    @Override
    public Response toResponse(ForbiddenException e) {
        return Response.status(Response.Status.FORBIDDEN)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("WWW-Authenticate", "Bearer realm=\"object-ledger\", error=\"insufficient_scope\"")
                .entity(new Problem("forbidden", "the token's groups do not include the role this operation "
                        + "needs (each operation's role is in the service's OpenAPI document)"))
                .build();
    }
}
