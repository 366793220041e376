package io.objectledger.bench.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Writes a delivery as the body an RGW 16.2 gateway sends: one record, fields in the gateway's
 * order, event time with microseconds, metadata and tags as arrays of {@code {key,val}}.
 */
public final class RgwJson {

    private static final DateTimeFormatter EVENT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final JsonFactory JSON = new JsonFactory();

    private RgwJson() {
    }

    /** Every delivery's body, in order. */
    public static List<byte[]> bodies(List<Delivery> deliveries) {
        return deliveries.stream().map(RgwJson::body).toList();
    }

    public static byte[] body(Delivery delivery) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("Records");
            record(json, delivery);
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void record(JsonGenerator json, Delivery delivery) throws IOException {
        ObjectChange change = delivery.change();
        json.writeStartObject();
        json.writeStringField("eventVersion", "2.2");
        json.writeStringField("eventSource", "ceph:s3");
        json.writeStringField("awsRegion", "");
        json.writeStringField("eventTime", EVENT_TIME.format(change.eventTime()));
        json.writeStringField("eventName", change.kind().eventName());
        json.writeObjectFieldStart("userIdentity");
        json.writeStringField("principalId", "bench");
        json.writeEndObject();
        json.writeObjectFieldStart("requestParameters");
        json.writeStringField("sourceIPAddress", "");
        json.writeEndObject();
        json.writeObjectFieldStart("responseElements");
        json.writeStringField("x-amz-request-id", change.requestId());
        json.writeStringField("x-amz-id-2", "1012-default-default");
        json.writeEndObject();
        json.writeObjectFieldStart("s3");
        json.writeStringField("s3SchemaVersion", "1.0");
        json.writeStringField("configurationId", delivery.configurationId());
        bucket(json, change.bucket());
        object(json, delivery);
        json.writeEndObject();
        json.writeStringField("eventId", delivery.eventId());
        json.writeStringField("opaqueData", delivery.opaqueData());
        json.writeEndObject();
    }

    private static void bucket(JsonGenerator json, String bucket) throws IOException {
        json.writeObjectFieldStart("bucket");
        json.writeStringField("name", bucket);
        json.writeObjectFieldStart("ownerIdentity");
        json.writeStringField("principalId", "bench");
        json.writeEndObject();
        json.writeStringField("arn", "arn:aws:s3:::" + bucket);
        json.writeStringField("id", GatewayIds.CLUSTER + ".4116." + Math.floorMod(bucket.hashCode(), 100));
        json.writeEndObject();
    }

    private static void object(JsonGenerator json, Delivery delivery) throws IOException {
        ObjectChange change = delivery.change();
        json.writeObjectFieldStart("object");
        json.writeStringField("key", change.key());
        json.writeNumberField("size", change.size());
        json.writeStringField("eTag", change.eTag());
        json.writeStringField("versionId", change.versionId());
        json.writeStringField("sequencer", delivery.sequencer());
        keyValues(json, "metadata", change.metadata());
        keyValues(json, "tags", change.tags());
        json.writeEndObject();
    }

    private static void keyValues(JsonGenerator json, String field, Map<String, String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (Map.Entry<String, String> pair : values.entrySet()) {
            json.writeStartObject();
            json.writeStringField("key", pair.getKey());
            json.writeStringField("val", pair.getValue());
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
