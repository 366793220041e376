package io.objectledger.events.object;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ObjectIdentityTest {

    @Test
    void keysSharingALongPrefixGetDifferentFixedLengthIds() {
        String prefix = "p/".repeat(500);
        ObjectIdentity first = new ObjectIdentity("bucket", prefix + "a");
        ObjectIdentity second = new ObjectIdentity("bucket", prefix + "b");

        assertThat(first.aggregateId()).hasSize(64).isNotEqualTo(second.aggregateId());
    }

    @Test
    void sameBucketAndKeyAlwaysGiveTheSameId() {
        assertThat(new ObjectIdentity("b", "k").aggregateId()).isEqualTo(new ObjectIdentity("b", "k").aggregateId());
    }

    @Test
    void tenantIsPartOfTheIdentity() {
        ObjectIdentity tenanted = new ObjectIdentity("acme:invoices", "a.pdf");

        assertThat(tenanted.tenant()).isEqualTo("acme");
        assertThat(tenanted.bucketName()).isEqualTo("invoices");
        assertThat(tenanted.aggregateId()).isNotEqualTo(new ObjectIdentity("invoices", "a.pdf").aggregateId());
    }

    @Test
    void acceptsA1024ByteKeyAndRefusesLonger() {
        assertThat(new ObjectIdentity("b", "x".repeat(1024)).key()).hasSize(1024);
        assertThatThrownBy(() -> new ObjectIdentity("b", "x".repeat(1025)))
                .hasMessageContaining("1025 bytes");
    }
}
