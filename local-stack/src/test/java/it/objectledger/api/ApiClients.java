package it.objectledger.api;

import io.objectledger.stack.StackSettings;
import org.microshed.testing.jaxrs.RestClientBuilder;

/**
 * Typed clients of the running services, built with MicroShed Testing's client builder and a
 * bearer token. Its annotation-driven injection ({@code @MicroShedTest}, {@code @RESTClient}) reads
 * one host and port per JVM ({@code microshed_hostname}, {@code microshed_http_port}); the suite
 * talks to three servers, so the clients are built here, one per service and token.
 */
public final class ApiClients {

    private ApiClients() {
    }

    public static <T> T client(Class<T> api, StackSettings settings, String service, String token) {
        return new RestClientBuilder()
                .withAppContextRoot(settings.baseUrl(service))
                .withJaxrsPath("/api")
                .withJwt(token)
                .build(api);
    }
}
