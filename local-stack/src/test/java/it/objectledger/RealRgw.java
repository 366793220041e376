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
        var credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(settings.get("RGW_ACCESS_KEY"), settings.get("RGW_SECRET_KEY")));
        URI endpoint = URI.create(settings.get("RGW_ENDPOINT"));
        Region region = Region.of(settings.getOrDefault("RGW_REGION", "default"));
        s3 = S3Client.builder().endpointOverride(endpoint).region(region).credentialsProvider(credentials)
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
        sns = SnsClient.builder().endpointOverride(endpoint).region(region).credentialsProvider(credentials).build();
    }

    public S3Client s3() {
        return s3;
    }

    public SnsClient sns() {
        return sns;
    }

    @Override
    public void close() throws Exception {
        s3.close();
        sns.close();
        new ProcessBuilder(root.resolve("tools/rgw/stop-rgw.sh").toString(), work.toString())
                .inheritIO().start().waitFor(2, TimeUnit.MINUTES);
    }
}
