package io.objectledger.events.rgw;

import io.objectledger.events.command.ObjectCommand;
import io.objectledger.events.fixtures.RgwFixtures;
import io.objectledger.events.object.ObjectIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two RGW tenants may each own a bucket of the same name; their objects must never share a history. */
class RgwTenantTest {

    private static final Instant RECEIVED = Instant.parse("2026-12-06T22:00:00Z");
    private static final String TENANT_PUT = "33-tenant-put.json";
    private static final String DEFAULT_TENANT_PUT = "34-default-tenant-same-bucket-name-put.json";

    private final RgwNotificationParser parser = new RgwNotificationParser();
    private final RgwCommandMapper mapper = new RgwCommandMapper();

    @Test
    void tenantFromTheArnQualifiesTheBucket() {
        ObjectIdentity object = command(RgwFixtures.read(TENANT_PUT)).object();

        assertThat(object.bucket()).isEqualTo("t1:sharedname");
        assertThat(object.tenant()).isEqualTo("t1");
        assertThat(object.bucketName()).isEqualTo("sharedname");
        assertThat(object.subject()).isEqualTo("t1:sharedname/contracts/2026/acme.txt");
    }

    @Test
    void defaultTenantArnKeepsTheBareName() {
        ObjectIdentity object = command(RgwFixtures.read(DEFAULT_TENANT_PUT)).object();

        assertThat(object.bucket()).isEqualTo("sharedname");
        assertThat(object.tenant()).isEmpty();
        assertThat(object.subject()).isEqualTo("sharedname/contracts/2026/acme.txt");
    }

    @Test
    void sameBucketAndKeyInTwoTenantsAreTwoObjectsAndTwoChanges() {
        ObjectCommand tenant = command(RgwFixtures.read(TENANT_PUT));
        ObjectCommand defaultTenant = command(RgwFixtures.read(DEFAULT_TENANT_PUT));

        assertThat(tenant.object().key()).isEqualTo(defaultTenant.object().key());
        assertThat(tenant.object()).isNotEqualTo(defaultTenant.object());
        assertThat(tenant.object().aggregateId()).isNotEqualTo(defaultTenant.object().aggregateId());
        assertThat(tenant.change().changeId()).isNotEqualTo(defaultTenant.change().changeId());
    }

    @Test
    void principalsStayAsRgwSendsThemAndTheOwnerIsRecorded() {
        ObjectCommand tenant = command(RgwFixtures.read(TENANT_PUT));
        ObjectCommand defaultTenant = command(RgwFixtures.read(DEFAULT_TENANT_PUT));

        assertThat(tenant.change().principalId()).isEqualTo("u1");
        assertThat(tenant.change().ownerId()).isEqualTo("u1");
        assertThat(tenant.change().sourceIp()).isEmpty();
        assertThat(tenant.change().requestId())
                .isEqualTo("c386c2fa-6c8f-45c3-bb55-fb56c491015f.4114.13966231422408007551");
        assertThat(tenant.change().gatewayId()).isEqualTo("1012-default-default");
        assertThat(defaultTenant.change().principalId()).isEqualTo("lab");
        assertThat(defaultTenant.change().ownerId()).isEqualTo("lab");
    }

    @Test
    void sourceAddressIsRecordedWhenTheGatewaySendsOne() {
        byte[] body = edit(TENANT_PUT, "\"sourceIPAddress\":\"\"", "\"sourceIPAddress\":\"192.0.2.7\"");

        assertThat(command(body).change().sourceIp()).isEqualTo("192.0.2.7");
    }

    @Test
    void defaultTenantBucketKeepsTheChangeIdItHadWithoutTenants() {
        byte[] withArn = RgwFixtures.read(DEFAULT_TENANT_PUT);
        byte[] withoutArn = edit(DEFAULT_TENANT_PUT, ",\"arn\":\"arn:aws:s3:::sharedname\"", "");

        assertThat(command(withArn).change().changeId()).isEqualTo(command(withoutArn).change().changeId());
        assertThat(command(withoutArn).object().bucket()).isEqualTo("sharedname");
    }

    @Test
    void tenantColonBucketNameIsReadWithoutAnArn() {
        byte[] body = replace(edit(TENANT_PUT, ",\"arn\":\"arn:aws:s3::t1:sharedname\"", ""),
                "\"name\":\"sharedname\"", "\"name\":\"t1:sharedname\"");

        assertThat(command(body).object().bucket()).isEqualTo("t1:sharedname");
    }

    @Test
    void tenantColonBucketNameAgreeingWithTheArnIsAccepted() {
        byte[] body = edit(TENANT_PUT, "\"name\":\"sharedname\"", "\"name\":\"t1:sharedname\"");

        assertThat(command(body).object().bucket()).isEqualTo("t1:sharedname");
    }

    @Test
    void tenantDollarUserPrincipalQualifiesTheBucketWithoutAnArn() {
        byte[] body = replace(edit(TENANT_PUT, ",\"arn\":\"arn:aws:s3::t1:sharedname\"", ""),
                "\"principalId\":\"u1\"", "\"principalId\":\"t1$u1\"");

        ObjectCommand command = command(body);

        assertThat(command.object().bucket()).isEqualTo("t1:sharedname");
        assertThat(command.change().principalId()).isEqualTo("t1$u1");
        assertThat(command.change().ownerId()).isEqualTo("t1$u1");
    }

    @Test
    void ownersTenantWinsOverARequesterFromAnotherTenant() {
        String body = new String(edit(TENANT_PUT, ",\"arn\":\"arn:aws:s3::t1:sharedname\"", ""),
                StandardCharsets.UTF_8)
                .replace("\"userIdentity\":{\"principalId\":\"u1\"}", "\"userIdentity\":{\"principalId\":\"t2$u9\"}")
                .replace("\"ownerIdentity\":{\"principalId\":\"u1\"}", "\"ownerIdentity\":{\"principalId\":\"t1$u1\"}");

        ObjectCommand command = command(body.getBytes(StandardCharsets.UTF_8));

        assertThat(command.object().bucket()).isEqualTo("t1:sharedname");
        assertThat(command.change().principalId()).isEqualTo("t2$u9");
    }

    @Test
    void aBareOwnerKeepsTheBucketInTheDefaultTenantWhateverTheRequestersTenant() {
        String body = new String(edit(TENANT_PUT, ",\"arn\":\"arn:aws:s3::t1:sharedname\"", ""),
                StandardCharsets.UTF_8)
                .replace("\"userIdentity\":{\"principalId\":\"u1\"}", "\"userIdentity\":{\"principalId\":\"t2$u9\"}");

        assertThat(command(body.getBytes(StandardCharsets.UTF_8)).object().bucket()).isEqualTo("sharedname");
    }

    @Test
    void withoutAnOwnerTheRequestersTenantNamesTheBucket() {
        String body = new String(edit(TENANT_PUT, ",\"arn\":\"arn:aws:s3::t1:sharedname\"", ""),
                StandardCharsets.UTF_8)
                .replace("\"userIdentity\":{\"principalId\":\"u1\"}", "\"userIdentity\":{\"principalId\":\"t2$u9\"}")
                .replace("\"ownerIdentity\":{\"principalId\":\"u1\"}", "\"ownerIdentity\":{\"principalId\":\"\"}");

        assertThat(command(body.getBytes(StandardCharsets.UTF_8)).object().bucket()).isEqualTo("t2:sharedname");
    }

    @Test
    void arnWinsOverAPrincipalOfAnotherTenant() {
        byte[] body = edit(TENANT_PUT, "\"userIdentity\":{\"principalId\":\"u1\"}",
                "\"userIdentity\":{\"principalId\":\"t2$u9\"}");

        assertThat(command(body).object().bucket()).isEqualTo("t1:sharedname");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "arn:aws:sns::t1:sharedname | is not an S3 bucket ARN",
            "urn:aws:s3::t1:sharedname | is not an S3 bucket ARN",
            "arn:aws:s3::t1 | is not an S3 bucket ARN",
            "arn:aws:s3::t1:sharedname:extra | is not an S3 bucket ARN",
            "arn:aws:s3::t/1:sharedname | holds a '/'"
    })
    void malformedOrContradictingArnIsRefusedNotGuessed(String arn, String detail) {
        byte[] body = edit(TENANT_PUT, "arn:aws:s3::t1:sharedname", arn);

        assertThatThrownBy(() -> parser.parse(body))
                .isInstanceOfSatisfying(RejectedNotificationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RejectReason.INVALID_VALUE);
                    assertThat(e.getMessage()).contains("Records[0].s3.bucket").contains(detail);
                });
    }

    @Test
    void arnOfAnotherBucketIsIgnoredAndTheNameDecides() {
        byte[] renamed = replace(RgwFixtures.read("01-put-with-metadata.json"), "\"name\":\"lab-bucket\"",
                "\"name\":\"renamed\"");
        byte[] renamedIntoATenant = replace(RgwFixtures.read("01-put-with-metadata.json"),
                "\"name\":\"lab-bucket\"", "\"name\":\"t1:renamed\"");
        byte[] otherBucket = edit(TENANT_PUT, "arn:aws:s3::t1:sharedname", "arn:aws:s3::t1:othername");

        assertThat(new String(renamed, StandardCharsets.UTF_8)).contains("\"arn\":\"arn:aws:s3:::lab-bucket\"");
        assertThat(command(renamed).object().bucket()).isEqualTo("renamed");
        assertThat(command(renamedIntoATenant).object().bucket()).isEqualTo("t1:renamed");
        assertThat(command(otherBucket).object().bucket()).isEqualTo("sharedname");
    }

    @Test
    void arnOfAnotherTenantThanTheNameIsRefused() {
        byte[] body = edit(TENANT_PUT, "\"name\":\"sharedname\"", "\"name\":\"t2:sharedname\"");

        assertThatThrownBy(() -> parser.parse(body))
                .isInstanceOfSatisfying(RejectedNotificationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RejectReason.INVALID_VALUE);
                    assertThat(e.getMessage()).contains("names tenant 't1'").contains("'t2:sharedname'");
                });
    }

    @ParameterizedTest
    @CsvSource({":sharedname", "t1:", "t1:a:b"})
    void bucketNameWithAnEmptyOrExtraPartIsRefused(String name) {
        byte[] body = replace(edit(TENANT_PUT, ",\"arn\":\"arn:aws:s3::t1:sharedname\"", ""),
                "\"name\":\"sharedname\"", "\"name\":\"" + name + "\"");

        assertThatThrownBy(() -> parser.parse(body))
                .isInstanceOfSatisfying(RejectedNotificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.INVALID_VALUE));
    }

    private ObjectCommand command(byte[] body) {
        return mapper.toCommand(parser.parse(body).get(0), RECEIVED).orElseThrow();
    }

    private static byte[] edit(String fixture, String from, String to) {
        return replace(RgwFixtures.read(fixture), from, to);
    }

    private static byte[] replace(byte[] body, String from, String to) {
        String json = new String(body, StandardCharsets.UTF_8);
        assertThat(json).contains(from);
        return json.replace(from, to).getBytes(StandardCharsets.UTF_8);
    }
}
