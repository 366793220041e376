package io.objectledger.support.security;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TenantScopeTest {

    @Test
    void aJsonArrayNamesTheTenantsAndTheEmptyNameIsTheDefaultTenant() {
        TenantScope scope = TenantScope.fromClaim(Json.createArrayBuilder().add("t1").add("").build());

        assertThat(scope.tenants()).isEqualTo(Set.of("t1", ""));
        assertThat(scope.sees("t1")).isTrue();
        assertThat(scope.sees("")).isTrue();
        assertThat(scope.sees("t2")).isFalse();
        assertThat(scope.all()).isFalse();
    }

    @Test
    void theStarGrantsEveryTenant() {
        TenantScope scope = TenantScope.fromClaim(List.of("*"));

        assertThat(scope.all()).isTrue();
        assertThat(scope.sees("any")).isTrue();
        assertThat(scope.sees("")).isTrue();
    }

    @Test
    void aStringClaimIsSplitOnCommasAndSpaces() {
        assertThat(TenantScope.fromClaim(" t1, t2 t3").tenants()).isEqualTo(Set.of("t1", "t2", "t3"));
        assertThat(TenantScope.fromClaim(Json.createValue("t4")).tenants()).isEqualTo(Set.of("t4"));
    }

    @Test
    void noClaimSeesNoTenantNotEvenTheDefaultOne() {
        TenantScope scope = TenantScope.fromClaim(null);

        assertThat(scope.tenants()).isEmpty();
        assertThat(scope.sees("")).isFalse();
        assertThat(scope.all()).isFalse();
    }
}
