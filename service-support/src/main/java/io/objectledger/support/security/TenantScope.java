package io.objectledger.support.security;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The RGW tenants a caller may see, from its token. The default tenant is the empty name, and
 * {@value #ALL_TENANTS} grants all of them (a platform auditor). A token without the claim sees
 * no tenant at all: nothing is shown by default.
 */
public record TenantScope(Set<String> tenants) {

    public static final String ALL_TENANTS = "*";

    public TenantScope {
        tenants = Set.copyOf(tenants);
    }

    /**
     * Reads the claim as a JSON array of names, a collection, or one string of names separated
     * by commas or spaces (what an issuer's attribute mapper may give; such a string cannot name the
     * default tenant).
     */
    public static TenantScope fromClaim(Object claim) {
        Set<String> names = new LinkedHashSet<>();
        if (claim instanceof JsonArray array) {
            array.forEach(value -> names.add(text(value)));
        } else if (claim instanceof Collection<?> values) {
            values.forEach(value -> names.add(value instanceof JsonValue json ? text(json) : String.valueOf(value)));
        } else if (claim instanceof JsonString string) {
            names.addAll(split(string.getString()));
        } else if (claim instanceof String string) {
            names.addAll(split(string));
        }
        return new TenantScope(names);
    }

    public boolean all() {
        return tenants.contains(ALL_TENANTS);
    }

    public boolean sees(String tenant) {
        return all() || tenants.contains(tenant);
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString string ? string.getString() : value.toString();
    }

    private static Set<String> split(String names) {
        Set<String> split = new LinkedHashSet<>();
        // Separators never name the default tenant: only an array's "" does.
        for (String name : names.split("[,\\s]+")) {
            if (!name.isEmpty()) {
                split.add(name);
            }
        }
        return split;
    }
}
