package io.objectledger.support.security;

import io.objectledger.events.object.ObjectIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who asks, as its verified token says: its name, and the tenants whose buckets it may see. */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken token;

    @Inject
    @ConfigProperty(name = "ledger.auth.tenants-claim", defaultValue = "tenants")
    String tenantsClaim;

    private TenantScope scope;

    /** The token's {@code upn}, {@code preferred_username} or {@code sub}, as MicroProfile JWT names it. */
    public String name() {
        return token.getName() == null ? String.valueOf(token.getSubject()) : token.getName();
    }

    public TenantScope scope() {
        if (scope == null) {
            scope = TenantScope.fromClaim(token.getClaim(tenantsClaim));
        }
        return scope;
    }

    /** Whether the caller may know of a bucket ({@code tenant:bucket}, or a bare name for the default tenant). */
    public boolean sees(String bucket) {
        return scope().sees(ObjectIdentity.tenantOf(bucket));
    }
}
