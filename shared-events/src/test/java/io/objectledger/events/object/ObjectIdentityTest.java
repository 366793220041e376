package io.objectledger.events.object;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.objectledger.events.json.LedgerJson;
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

    @Test
    void itsJsonIsBucketAndKeyOnlyEvenAfterItsIdWasComputed() throws Exception {
        ObjectMapper contract = LedgerJson.newMapper();
        ObjectIdentity object = new ObjectIdentity("acme:invoices", "2026/a b.pdf");
        String id = object.aggregateId();

        String json = contract.writeValueAsString(object);
        ObjectIdentity read = contract.readValue(json, ObjectIdentity.class);

        assertThat(contract.readTree(json).properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactlyInAnyOrder("bucket", "key");
        assertThat(read).isEqualTo(object).hasSameHashCodeAs(object);
        assertThat(read.aggregateId()).isEqualTo(id).isEqualTo(Sha256.hex("acme:invoices/2026/a b.pdf"));
    }

    @Test
    void aMissingKeyInJsonIsRefusedWithTheReason() {
        assertThatThrownBy(() -> LedgerJson.newMapper().readValue("{\"bucket\":\"b\"}", ObjectIdentity.class))
                .hasMessageContaining("key");
    }
}
