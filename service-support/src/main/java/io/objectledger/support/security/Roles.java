package io.objectledger.support.security;

/**
 * The roles the ledger's APIs ask for, read from a token's {@code groups} claim. A caller holds
 * as many of them as its token names.
 */
public final class Roles {

    /** Reads, verifies and exports the audit trail, and reads the record of who read it. */
    public static final String AUDITOR = "auditor";
    /** Reads the catalog. */
    public static final String CATALOG_READER = "catalog-reader";
    /** Runs the operator endpoints: re-drives, and the rebuilds and reconciliations to come. */
    public static final String OPERATOR = "operator";

    /** The OpenAPI security scheme every protected operation names. */
    public static final String SCHEME = "jwt";

    /**
     * The OpenAPI extension that names an operation's role. Not the security requirement's scopes:
     * Liberty's validation of the document allows scopes for OAuth2 and OpenID Connect schemes
     * only (the OpenAPI 3.0 rule) and logs an error for each operation that gives a bearer scheme some.
     */
    public static final String ROLE_EXTENSION = "x-ledger-role";

    private Roles() {
    }
}
