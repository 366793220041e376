package io.objectledger.events.rgw;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.objectledger.events.time.IsoInstants;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the JSON body RGW sends for a bucket notification, {@code {"Records":[...]}}, in the
 * forms Ceph releases and AWS use: {@code eventVersion} 2.1/2.2, {@code eTag} or the older
 * {@code etag}, {@code metadata}/{@code tags} as arrays of {@code {key,val}}, and the AWS
 * {@code s3:} prefix on event names. The bucket comes out tenant-qualified ({@link RgwBucketTenant}).
 * Anything it cannot read is a {@link RejectedNotificationException}.
 */
public final class RgwNotificationParser {

    private static final String AWS_EVENT_PREFIX = "s3:";
    private static final int MAX_NESTING_DEPTH = 32;

    private final ObjectMapper mapper;

    public RgwNotificationParser() {
        // Trailing content after the document is an error, not something to ignore quietly.
        mapper = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
        mapper.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build());
    }

    /**
     * The records of a notification body; empty for an AWS/MCG {@code s3:TestEvent}, which a
     * gateway sends when a notification is configured and which concerns no object.
     */
    public List<RgwRecord> parse(byte[] body) {
        requireUtf8(body);
        JsonNode root = readTree(body);
        if (!root.isObject()) {
            throw new RejectedNotificationException(RejectReason.INVALID_STRUCTURE,
                    "the body is a JSON " + describe(root) + ", expected an object with a Records array");
        }
        JsonNode records = root.get("Records");
        if (records == null && root.path("Event").asText().endsWith("TestEvent")) {
            return List.of();
        }
        if (records == null || records.isNull()) {
            throw new RejectedNotificationException(RejectReason.MISSING_FIELD, "Records is missing");
        }
        if (!records.isArray()) {
            throw new RejectedNotificationException(RejectReason.WRONG_TYPE,
                    "Records is a " + describe(records) + ", expected an array");
        }
        if (records.isEmpty()) {
            throw new RejectedNotificationException(RejectReason.NO_RECORDS, "Records is empty");
        }
        List<RgwRecord> parsed = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            parsed.add(parseRecord(new Fields(records.get(i), "Records[" + i + "]")));
        }
        return parsed;
    }

    private static void requireUtf8(byte[] body) {
        if (body == null || isAscii(body)) {
            return;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new RejectedNotificationException(RejectReason.INVALID_UTF8,
                    "the body is not valid UTF-8 (byte " + in.position() + " of " + body.length + ")");
        }
    }

    /** Nearly every body is ASCII, which is valid UTF-8: scanning for that costs a fraction of the strict decoder. */
    private static boolean isAscii(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private JsonNode readTree(byte[] body) {
        if (body == null || body.length == 0) {
            throw new RejectedNotificationException(RejectReason.INVALID_JSON, "the body is empty");
        }
        try {
            JsonNode root = mapper.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw new RejectedNotificationException(RejectReason.INVALID_JSON, "the body holds no JSON value");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new RejectedNotificationException(RejectReason.INVALID_JSON, e.getOriginalMessage());
        } catch (IOException e) {
            throw new RejectedNotificationException(RejectReason.INVALID_JSON, e.getMessage());
        }
    }

    private RgwRecord parseRecord(Fields record) {
        Fields s3 = record.object("s3");
        Fields bucket = s3.object("bucket");
        Fields object = s3.object("object");
        Fields responseElements = record.optionalObject("responseElements");
        String principalId = record.optionalObject("userIdentity").optionalText("principalId");
        String ownerId = bucket.optionalObject("ownerIdentity").optionalText("principalId");
        return new RgwRecord(
                record.text("eventVersion"),
                record.optionalText("eventSource"),
                eventName(record.text("eventName")),
                record.instant("eventTime"),
                principalId,
                ownerId,
                record.optionalObject("requestParameters").optionalText("sourceIPAddress"),
                responseElements.optionalText("x-amz-request-id"),
                responseElements.optionalText("x-amz-id-2"),
                s3.optionalText("configurationId"),
                RgwBucketTenant.qualifiedBucket(bucket.path(), bucket.text("name"), bucket.optionalText("arn"),
                        ownerId, principalId),
                object.text("key"),
                object.optionalLong("size"),
                object.has("eTag") ? object.optionalText("eTag") : object.optionalText("etag"),
                object.optionalText("versionId"),
                object.optionalText("sequencer"),
                object.keyValues("metadata"),
                object.keyValues("tags"),
                record.optionalText("eventId"),
                record.optionalText("opaqueData"));
    }

    private static String eventName(String name) {
        return name.startsWith(AWS_EVENT_PREFIX) ? name.substring(AWS_EVENT_PREFIX.length()) : name;
    }

    private static String describe(JsonNode node) {
        return node.getNodeType() == JsonNodeType.POJO ? "value" : node.getNodeType().name().toLowerCase();
    }

    /** Typed access to one JSON object, naming the path of whatever is wrong. */
    private record Fields(JsonNode node, String path) {

        Fields {
            if (node == null || node.isNull()) {
                throw new RejectedNotificationException(RejectReason.MISSING_FIELD, path + " is missing");
            }
            if (!node.isObject()) {
                throw new RejectedNotificationException(RejectReason.WRONG_TYPE,
                        path + " is a " + describe(node) + ", expected an object");
            }
        }

        boolean has(String name) {
            JsonNode value = node.get(name);
            return value != null && !value.isNull();
        }

        Fields object(String name) {
            return new Fields(node.get(name), path + "." + name);
        }

        Fields optionalObject(String name) {
            return has(name) ? object(name) : new Fields(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), path + "." + name);
        }

        String text(String name) {
            String value = optionalText(name);
            if (!has(name)) {
                throw new RejectedNotificationException(RejectReason.MISSING_FIELD, path + "." + name + " is missing");
            }
            if (value.isEmpty()) {
                throw new RejectedNotificationException(RejectReason.INVALID_VALUE, path + "." + name + " is empty");
            }
            return value;
        }

        String optionalText(String name) {
            if (!has(name)) {
                return "";
            }
            JsonNode value = node.get(name);
            if (!value.isTextual()) {
                throw new RejectedNotificationException(RejectReason.WRONG_TYPE,
                        path + "." + name + " is a " + describe(value) + ", expected a string");
            }
            return value.textValue();
        }

        long optionalLong(String name) {
            if (!has(name)) {
                return 0;
            }
            JsonNode value = node.get(name);
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw new RejectedNotificationException(RejectReason.WRONG_TYPE,
                        path + "." + name + " is " + value + ", expected a whole number of bytes");
            }
            long number = value.longValue();
            if (number < 0) {
                throw new RejectedNotificationException(RejectReason.INVALID_VALUE,
                        path + "." + name + " is negative: " + number);
            }
            return number;
        }

        Instant instant(String name) {
            String value = text(name);
            try {
                return IsoInstants.parse(value);
            } catch (DateTimeParseException e) {
                throw new RejectedNotificationException(RejectReason.INVALID_VALUE,
                        path + "." + name + " is not an ISO-8601 instant: " + value);
            }
        }

        /** RGW sends metadata and tags as {@code [{"key":..,"val":..}]}; AWS-style objects are accepted too. */
        Map<String, String> keyValues(String name) {
            Map<String, String> result = new LinkedHashMap<>();
            if (!has(name)) {
                return result;
            }
            JsonNode value = node.get(name);
            String at = path + "." + name;
            if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    Fields pair = new Fields(value.get(i), at + "[" + i + "]");
                    result.put(pair.text("key"), pair.optionalText("val"));
                }
            } else if (value.isObject()) {
                value.fields().forEachRemaining(entry -> {
                    if (!entry.getValue().isTextual()) {
                        throw new RejectedNotificationException(RejectReason.WRONG_TYPE,
                                at + "." + entry.getKey() + " is not a string");
                    }
                    result.put(entry.getKey(), entry.getValue().textValue());
                });
            } else {
                throw new RejectedNotificationException(RejectReason.WRONG_TYPE,
                        at + " is a " + describe(value) + ", expected an array of {key,val}");
            }
            return result;
        }
    }
}
