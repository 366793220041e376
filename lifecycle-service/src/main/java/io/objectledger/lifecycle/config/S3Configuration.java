package io.objectledger.lifecycle.config;

import io.objectledger.lifecycle.s3.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The S3 client the policies use: the gateway's endpoint and credentials from configuration,
 * path-style addressing (RGW), checksums only where S3 requires them (RGW rejects the SDK's
 * default ones), and the SDK's standard retries limited to {@code ledger.s3.sdk-max-attempts}
 * requests per call, under the ledger's own retry policy (see S3Retry for how the two combine).
 */
@ApplicationScoped
public class S3Configuration {

    @Inject
    @ConfigProperty(name = "ledger.s3.endpoint")
    String endpoint;

    @Inject
    @ConfigProperty(name = "ledger.s3.region")
    String region;

    @Inject
    @ConfigProperty(name = "ledger.s3.access-key")
    Optional<String> accessKey;

    @Inject
    @ConfigProperty(name = "ledger.s3.secret-key")
    Optional<String> secretKey;

    @Inject
    @ConfigProperty(name = "ledger.s3.sdk-max-attempts", defaultValue = "3")
    int sdkMaxAttempts;

    @Inject
    @ConfigProperty(name = "ledger.s3.api-call-timeout-seconds", defaultValue = "30")
    long apiCallTimeoutSeconds;

    @Produces
    @ApplicationScoped
    S3Client s3Client() {
        return S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(region))
                .credentialsProvider(credentials())
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(override -> override.retryStrategy(RetryMode.STANDARD)
                        .retryStrategy(strategy -> strategy.maxAttempts(sdkMaxAttempts))
                        .apiCallTimeout(Duration.ofSeconds(apiCallTimeoutSeconds)))
                .build();
    }

    private AwsCredentialsProvider credentials() {
        if (accessKey.isPresent() && secretKey.isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey.get(), secretKey.get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    void close(@Disposes S3Client s3) {
        s3.close();
    }

    @Produces
    ObjectStore objectStore(S3Client s3) {
        return new ObjectStore(s3);
    }
}
