package io.objectledger.support.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Gives a 401 of MicroProfile JWT the problem JSON every other answer carries. Liberty refuses a
 * missing, badly signed, expired or foreign token before the REST application runs, leaving only
 * the status and its {@code WWW-Authenticate: Bearer} challenge, and no error page is dispatched
 * for it; the reason goes to the server's log (CWWKS5523E), not to the caller.
 */
@WebFilter("/api/*")
public class UnauthorizedProblemFilter extends HttpFilter {

    private static final byte[] BODY = ("{\"error\":\"unauthorized\",\"message\":\"this operation needs a bearer "
            + "token: a JWT signed by the configured issuer, for this audience, not expired\"}")
            .getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, response);
        // A 401 the application wrote itself (the push endpoint's) has its own body and type.
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED && !response.isCommitted()
                && response.getContentType() == null) {
            if (response.getHeader("WWW-Authenticate") == null) {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"object-ledger\"");
            }
            response.setContentType("application/json");
            response.setContentLength(BODY.length);
            response.getOutputStream().write(BODY);
        }
    }
}
