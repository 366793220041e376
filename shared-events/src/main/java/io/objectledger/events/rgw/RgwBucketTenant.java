package io.objectledger.events.rgw;

/**
 * Which RGW tenant a notification's bucket belongs to. RGW puts the bare bucket name in
 * {@code s3.bucket.name} for every tenant; the tenant is in {@code s3.bucket.arn}
 * ({@code arn:aws:s3::t1:photos}, the default tenant's {@code arn:aws:s3:::photos}). Gateways that
 * send no ARN may name the bucket {@code t1:photos}, or show the tenant only in a
 * {@code t1$u1} principal. Two tenants may each own a bucket of the same name, so guessing wrong
 * would merge two customers' histories: an ARN that is not an S3 bucket ARN, or whose tenant
 * contradicts a {@code tenant:bucket} name, is refused. An ARN of another bucket than
 * {@code s3.bucket.name} says nothing about this bucket's tenant and is ignored: RGW never sends
 * one, but a relay or a test that renames the bucket in a captured body does, and the name is the
 * field that identifies the bucket.
 */
final class RgwBucketTenant {

    private static final String S3_ARN_PREFIX = "arn:aws:s3:";

    private RgwBucketTenant() {
    }

    /**
     * The bucket as the ledger names it: {@code tenant:bucket}, or the bare name for the default tenant.
     *
     * @param path        where the bucket object is in the body, for the reject detail
     * @param name        {@code s3.bucket.name}
     * @param arn         {@code s3.bucket.arn}, empty when not sent
     * @param principals  the principals that may carry a {@code tenant$user} form, the bucket
     *                    owner's first; the first one given decides, so a requester of another
     *                    tenant never moves a bucket whose owner is known (a bare owner is the
     *                    default tenant's), and the requester counts only when no owner is sent,
     *                    as RGW resolves a bare bucket name in the requester's tenant
     */
    static String qualifiedBucket(String path, String name, String arn, String... principals) {
        int colon = name.indexOf(':');
        String nameTenant = colon < 0 ? null : name.substring(0, colon);
        String bare = colon < 0 ? name : name.substring(colon + 1);
        if (nameTenant != null && (nameTenant.isEmpty() || bare.isEmpty() || bare.indexOf(':') >= 0)) {
            throw new RejectedNotificationException(RejectReason.INVALID_VALUE,
                    path + ".name '" + name + "' is neither a bucket name nor tenant:bucket");
        }
        String arnTenant = arn.isEmpty() ? null : arnTenant(path, arn, bare);
        if (arnTenant != null) {
            if (nameTenant != null && !nameTenant.equals(arnTenant)) {
                throw new RejectedNotificationException(RejectReason.INVALID_VALUE, path + ".arn '" + arn
                        + "' names tenant '" + arnTenant + "' but " + path + ".name is '" + name + "'");
            }
            return qualified(path, arnTenant, bare);
        }
        if (nameTenant != null) {
            return qualified(path, nameTenant, bare);
        }
        for (String principal : principals) {
            if (!principal.isEmpty()) {
                int dollar = principal.indexOf('$');
                return dollar > 0 ? qualified(path, principal.substring(0, dollar), bare) : bare;
            }
        }
        return bare;
    }

    /**
     * The tenant of {@code arn:aws:s3:<region>:<tenant>:<bucket>} (RGW leaves the region empty), or
     * null when the ARN names another bucket.
     */
    private static String arnTenant(String path, String arn, String bare) {
        String[] parts = arn.split(":", -1);
        if (!arn.startsWith(S3_ARN_PREFIX) || parts.length != 6) {
            throw new RejectedNotificationException(RejectReason.INVALID_VALUE, path + ".arn '" + arn
                    + "' is not an S3 bucket ARN (arn:aws:s3:<region>:<tenant>:<bucket>)");
        }
        return parts[5].equals(bare) ? parts[4] : null;
    }

    /** A '/' would make the subject {@code tenant:bucket/key} ambiguous; RGW tenant names never hold one. */
    private static String qualified(String path, String tenant, String bare) {
        if (tenant.indexOf('/') >= 0) {
            throw new RejectedNotificationException(RejectReason.INVALID_VALUE,
                    path + " names tenant '" + tenant + "', which holds a '/'");
        }
        return tenant.isEmpty() ? bare : tenant + ":" + bare;
    }
}
