package io.objectledger.ingest.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body up to a limit, so an oversize body costs the limit, not its size. */
final class BoundedBody {

    /** What was read: the whole body, or the first {@code limit} bytes and the news that there was more. */
    record Read(byte[] bytes, boolean truncated) {
    }

    private BoundedBody() {
    }

    static Read read(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 16 * 1024));
        byte[] buffer = new byte[8192];
        int total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            int keep = Math.min(n, limit - total);
            out.write(buffer, 0, Math.max(keep, 0));
            total += n;
            if (total > limit) {
                return new Read(out.toByteArray(), true);
            }
        }
        return new Read(out.toByteArray(), false);
    }
}
