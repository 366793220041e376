package it.objectledger;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A real Ceph RGW (tools/rgw/start-rgw.sh) and S3/SNS clients for it. */
public final class RealRgw implements AutoCloseable {

    private static final int PORT = 17480;

    private final Path root;
    private final Path work;
    private final Map<String, String> settings = new HashMap<>();
    private final S3Client s3;
    private final SnsClient sns;
    private final Tenant t1;

    /**
     * A user of a non-default tenant, with clients signed as that user: it names its own buckets
     * without the tenant, while everyone else names them {@code tenant:bucket}.
     */
    public record Tenant(String name, String user, S3Client s3, SnsClient sns) {

        /** How a user of another tenant, the ledger's own included, addresses {@code bucket}. */
        public String bucket(String bucket) {
            return name + ":" + bucket;
        }
    }

    public RealRgw() throws IOException, InterruptedException {
        root = LocalStackExtension.settings().root();
        work = root.resolve("local-stack/target/it-rgw");
        Path output = Files.createDirectories(work.getParent()).resolve("it-rgw-start.log");
        Process start = new ProcessBuilder(List.of(root.resolve("tools/rgw/start-rgw.sh").toString(), work.toString(),
                String.valueOf(PORT))).redirectError(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
        String printed = new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!start.waitFor(10, TimeUnit.MINUTES) || start.exitValue() != 0) {
            throw new IllegalStateException("tools/rgw/start-rgw.sh failed; see " + output);
        }
        printed.lines().filter(line -> line.contains("=")).forEach(line ->
                settings.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
        s3 = s3(settings.get("RGW_ACCESS_KEY"), settings.get("RGW_SECRET_KEY"));
        sns = sns(settings.get("RGW_ACCESS_KEY"), settings.get("RGW_SECRET_KEY"));
        t1 = new Tenant(settings.get("RGW_T1_TENANT"), settings.get("RGW_T1_USER"),
                s3(settings.get("RGW_T1_ACCESS_KEY"), settings.get("RGW_T1_SECRET_KEY")),
                sns(settings.get("RGW_T1_ACCESS_KEY"), settings.get("RGW_T1_SECRET_KEY")));
    }

    private S3Client s3(String accessKey, String secretKey) {
        return S3Client.builder().endpointOverride(endpoint()).region(region())
                .credentialsProvider(credentials(accessKey, secretKey))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    private SnsClient sns(String accessKey, String secretKey) {
        return SnsClient.builder().endpointOverride(endpoint()).region(region())
                .credentialsProvider(credentials(accessKey, secretKey)).build();
    }

    private URI endpoint() {
        return URI.create(settings.get("RGW_ENDPOINT"));
    }

    private Region region() {
        return Region.of(settings.getOrDefault("RGW_REGION", "default"));
    }

    private static StaticCredentialsProvider credentials(String accessKey, String secretKey) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
    }

    public S3Client s3() {
        return s3;
    }

    public SnsClient sns() {
        return sns;
    }

    /** The RGW user of the clients {@link #s3()} and {@link #sns()}, the ledger's own, in the default tenant. */
    public String user() {
        return settings.get("RGW_USER");
    }

    /** User u1 of tenant t1, which start-rgw.sh creates next to the default tenant's user. */
    public Tenant t1() {
        return t1;
    }

    @Override
    public void close() throws Exception {
        s3.close();
        sns.close();
        t1.s3().close();
        t1.sns().close();
        new ProcessBuilder(root.resolve("tools/rgw/stop-rgw.sh").toString(), work.toString())
                .inheritIO().start().waitFor(2, TimeUnit.MINUTES);
    }
}
