package io.objectledger.ingest.rest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedBodyTest {

    private static final int LIMIT = 20_000;

    @Test
    void readsABodyUpToTheLimitWhole() throws IOException {
        byte[] body = bytes(LIMIT);

        BoundedBody.Read read = BoundedBody.read(new ByteArrayInputStream(body), LIMIT);

        assertThat(read.truncated()).isFalse();
        assertThat(read.bytes()).isEqualTo(body);
    }

    @Test
    void readsAnEmptyBodyAsEmpty() throws IOException {
        BoundedBody.Read read = BoundedBody.read(InputStream.nullInputStream(), LIMIT);

        assertThat(read.truncated()).isFalse();
        assertThat(read.bytes()).isEmpty();
    }

    @Test
    void aBodyOneByteOverTheLimitIsTruncatedToTheLimit() throws IOException {
        byte[] body = bytes(LIMIT + 1);

        BoundedBody.Read read = BoundedBody.read(new ByteArrayInputStream(body), LIMIT);

        assertThat(read.truncated()).isTrue();
        assertThat(read.bytes()).isEqualTo(Arrays.copyOf(body, LIMIT));
    }

    @Test
    @Timeout(10)
    void anEndlessBodyIsReadOnlyAsFarAsTheLimitAndOneBuffer() throws IOException {
        EndlessBody endless = new EndlessBody();

        BoundedBody.Read read = BoundedBody.read(endless, LIMIT);

        assertThat(read.truncated()).isTrue();
        assertThat(read.bytes()).hasSize(LIMIT);
        assertThat(endless.served).isGreaterThan(LIMIT).isLessThanOrEqualTo(LIMIT + 8192);
    }

    private static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return bytes;
    }

    /** A client that would send forever: counts what the reader took. */
    private static final class EndlessBody extends InputStream {

        long served;

        @Override
        public int read() {
            served++;
            return 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            Arrays.fill(buffer, offset, offset + length, (byte) 'x');
            served += length;
            return length;
        }
    }
}
