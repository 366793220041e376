package io.objectledger.ingest.rest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PushCredentialsTest {

    private static final String CURRENT = "push-token-current";
    private static final String NEXT = "push-token-next";

    private final PushCredentials credentials = configured(" " + CURRENT + " ", "", NEXT);

    @Test
    void acceptsAConfiguredTokenInThePath() {
        assertThat(credentials.accepts(CURRENT, null, null)).isTrue();
    }

    @Test
    void acceptsAConfiguredTokenAsQueryParameter() {
        assertThat(credentials.accepts(null, CURRENT, null)).isTrue();
    }

    @Test
    void acceptsAConfiguredTokenAsBearerCredentialsWhateverTheSchemeCase() {
        assertThat(credentials.accepts(null, null, "Bearer " + CURRENT)).isTrue();
        assertThat(credentials.accepts(null, null, "  bearer   " + CURRENT)).isTrue();
    }

    @Test
    void acceptsAConfiguredTokenAsTheBasicPasswordWhateverTheUser() {
        assertThat(credentials.accepts(null, null, basic("rgw:" + CURRENT))).isTrue();
        assertThat(credentials.accepts(null, null, basic(":" + NEXT))).isTrue();
    }

    @Test
    void acceptsEveryConfiguredTokenSoThatOneCanBeRotated() {
        assertThat(credentials.accepts(NEXT, null, null)).isTrue();
        assertThat(credentials.accepts(null, CURRENT, null)).isTrue();
    }

    @Test
    void refusesATokenThatIsNotConfigured() {
        assertThat(credentials.accepts("push-token-old", "push-token-old", "Bearer push-token-old")).isFalse();
    }

    @Test
    void refusesTokensThatOnlyShareAPrefixOrDifferInCase() {
        assertThat(credentials.accepts(CURRENT.substring(0, CURRENT.length() - 1), null, null)).isFalse();
        assertThat(credentials.accepts(CURRENT + "x", null, null)).isFalse();
        assertThat(credentials.accepts(CURRENT.toUpperCase(), null, null)).isFalse();
        assertThat(credentials.accepts("", "", "")).isFalse();
    }

    @Test
    void refusesTheTokenAsBasicUserOrWithoutPasswordOrUnderAnotherScheme() {
        assertThat(credentials.accepts(null, null, basic(CURRENT))).isFalse();
        assertThat(credentials.accepts(null, null, basic(CURRENT + ":wrong"))).isFalse();
        assertThat(credentials.accepts(null, null, "Basic not-base64!")).isFalse();
        assertThat(credentials.accepts(null, null, "Token " + CURRENT)).isFalse();
        assertThat(credentials.accepts(null, null, CURRENT)).isFalse();
        assertThat(credentials.accepts(null, null, "Bearer")).isFalse();
    }

    @Test
    void withoutConfiguredTokensEveryPushIsRefused() {
        PushCredentials none = new PushCredentials();
        none.tokens = Optional.empty();
        PushCredentials blank = configured(" ", "");

        assertThat(none.configured()).isFalse();
        assertThat(blank.configured()).isFalse();
        assertThat(none.accepts(CURRENT, "", "Bearer ")).isFalse();
        assertThat(blank.accepts(" ", "", basic(": "))).isFalse();
        assertThat(credentials.configured()).isTrue();
    }

    private static PushCredentials configured(String... tokens) {
        PushCredentials credentials = new PushCredentials();
        credentials.tokens = Optional.of(List.of(tokens));
        return credentials;
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }
}
