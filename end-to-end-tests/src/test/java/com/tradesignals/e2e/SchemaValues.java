package com.tradesignals.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Values for a (resolved) JSON schema: valid ones drawn at random, candidate invalid ones of every kind, and the
 * check that says whether the schema allows a value. Pattern is JSON Schema's (found anywhere in the string unless
 * anchored); {@code minimum}/{@code maximum} also bound a {@code decimal} string, which is how the documents
 * describe a money or price field; an explicit {@code null} for an optional property counts as leaving it out.
 */
final class SchemaValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern UUID_FORMAT =
            Pattern.compile("[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}");
    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final long DEFAULT_MINIMUM = -1000;
    private static final long DEFAULT_MAXIMUM = 1000;

    private SchemaValues() {
    }

    /** A value the schema allows; {@code cap} bounds a generated integer from above (a long poll's wait). */
    static JsonNode valid(JsonNode schema, Random random, Long cap) {
        for (int attempt = 0; attempt < 50; attempt++) {
            JsonNode value = draw(schema, random, cap);
            if (allows(schema, value)) {
                return value;
            }
        }
        throw new IllegalStateException("cannot generate a value the schema allows: " + schema);
    }

    private static JsonNode draw(JsonNode schema, Random random, Long cap) {
        if (schema.has("enum")) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        }
        // A nullable field's type is a list, e.g. ["boolean", "null"]: draw a value of its first type.
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asText()
                : schema.path("type").asText("object");
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                List<String> required = required(schema);
                schema.path("properties").fields().forEachRemaining(property -> {
                    if (required.contains(property.getKey()) || random.nextBoolean()) {
                        object.set(property.getKey(), valid(property.getValue(), random, null));
                    }
                });
                return object;
            }
            case "array" -> {
                var array = NODES.arrayNode();
                for (int i = random.nextInt(3); i > 0; i--) {
                    array.add(valid(schema.path("items"), random, null));
                }
                return array;
            }
            case "integer", "number" -> {
                long minimum = schema.has("minimum") ? schema.get("minimum").asLong() : DEFAULT_MINIMUM;
                long maximum = schema.has("maximum") ? schema.get("maximum").asLong() : DEFAULT_MAXIMUM;
                if (cap != null) {
                    maximum = Math.min(maximum, cap);
                }
                long value = switch (random.nextInt(4)) {
                    case 0 -> minimum;
                    case 1 -> maximum;
                    default -> minimum + (long) (random.nextDouble() * (maximum - minimum));
                };
                return NODES.numberNode(value);
            }
            case "boolean" -> {
                return NODES.booleanNode(random.nextBoolean());
            }
            default -> {
                return NODES.textNode(string(schema, random));
            }
        }
    }

    private static String string(JsonNode schema, Random random) {
        String format = schema.path("format").asText("");
        if (format.equals("uuid")) {
            return new UUID(random.nextLong(), random.nextLong()).toString();
        }
        if (format.equals("date-time")) {
            return Instant.now().minus(Duration.ofSeconds(random.nextInt(3600))).truncatedTo(ChronoUnit.MILLIS).toString();
        }
        if (schema.has("pattern")) {
            return RegexSampler.sample(schema.get("pattern").asText(), random);
        }
        if (format.equals("decimal")) {
            return BigDecimal.valueOf(random.nextInt(1_000_000), random.nextInt(6)).toPlainString();
        }
        int length = 1 + random.nextInt(Math.min(schema.path("maxLength").asInt(24), 24));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return text.toString();
    }

    /** Values of every kind a careless or hostile client sends, keyed by what they are; some the schema allows. */
    static Map<String, JsonNode> candidates(JsonNode schema, boolean required) {
        Map<String, JsonNode> candidates = new LinkedHashMap<>();
        candidates.put("a number", NODES.numberNode(12345));
        candidates.put("a fraction", NODES.numberNode(new BigDecimal("1.5")));
        candidates.put("a boolean", NODES.booleanNode(true));
        candidates.put("an object", NODES.objectNode().put("nested", "x"));
        candidates.put("an array", NODES.arrayNode().add("x"));
        candidates.put("a word", NODES.textNode("abc"));
        if (required) {
            candidates.put("null", NODES.nullNode());
        }
        for (String text : new String[] { "", " ", "\t\n", "a b", "!!", "../..", "x'; drop table x; --", "<script>",
                "ünïcødé ✓", "١٢٣", "12", "-1", "0", "0.00", "-0.01", "1e5", "NaN", "Infinity", "1,5", "0x1F",
                "1.123456789", "1234567890123", "99999999999999999999.99", "not-a-uuid", "yesterday",
                "2024-13-45T00:00:00Z", "1700000000", "buy", "\u0000" }) {
            candidates.put(quoted(text), NODES.textNode(text));
        }
        for (long number : new long[] { -1, 0, Integer.MAX_VALUE + 1L, Long.MAX_VALUE }) {
            candidates.put(Long.toString(number), NODES.numberNode(number));
        }
        candidates.put("2^64", NODES.numberNode(BigInteger.TWO.pow(64)));
        if (schema.has("minimum")) {
            candidates.put("minimum - 1", NODES.numberNode(schema.get("minimum").decimalValue().subtract(BigDecimal.ONE)));
            candidates.put("\"minimum - 0.01\"",
                    NODES.textNode(schema.get("minimum").decimalValue().subtract(new BigDecimal("0.01")).toPlainString()));
        }
        if (schema.has("maximum")) {
            candidates.put("maximum + 1", NODES.numberNode(schema.get("maximum").decimalValue().add(BigDecimal.ONE)));
        }
        if (schema.has("maxLength")) {
            candidates.put("maxLength + 1 characters", NODES.textNode("a".repeat(schema.get("maxLength").asInt() + 1)));
        }
        candidates.put("10000 characters", NODES.textNode("a".repeat(10_000)));
        candidates.put("a UUID with a character more", NODES.textNode(UUID.randomUUID() + "0"));
        candidates.put("a UUID without dashes", NODES.textNode(UUID.randomUUID().toString().replace("-", "")));
        return candidates;
    }

    static boolean allows(JsonNode schema, JsonNode value) {
        if (value == null || value.isNull()) {
            return schema.path("nullable").asBoolean(false) || schema.path("type").toString().contains("null");
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode option : schema.get("enum")) {
                listed |= option.equals(value);
            }
            if (!listed) {
                return false;
            }
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asText() : schema.path("type").asText("");
        switch (type) {
            case "object" -> {
                if (!value.isObject()) {
                    return false;
                }
                for (String name : required(schema)) {
                    if (!value.has(name) || value.get(name).isNull()) {
                        return false;
                    }
                }
                for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    JsonNode property = schema.path("properties").get(field.getKey());
                    if (property == null) {
                        if (schema.path("additionalProperties").isBoolean()
                                && !schema.get("additionalProperties").asBoolean()) {
                            return false;
                        }
                    } else if (!field.getValue().isNull() && !allows(property, field.getValue())) {
                        return false;
                    }
                }
                return true;
            }
            case "array" -> {
                if (!value.isArray()) {
                    return false;
                }
                for (JsonNode item : value) {
                    if (!allows(schema.path("items"), item)) {
                        return false;
                    }
                }
                return true;
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    return false;
                }
                String format = schema.path("format").asText("");
                BigInteger number = value.bigIntegerValue();
                if (format.equals("int32") && number.bitLength() > 31 || format.equals("int64") && number.bitLength() > 63) {
                    return false;
                }
                return inRange(schema, new BigDecimal(number));
            }
            case "number" -> {
                return value.isNumber() && inRange(schema, value.decimalValue());
            }
            case "boolean" -> {
                return value.isBoolean();
            }
            case "string" -> {
                return value.isTextual() && allowsString(schema, value.asText());
            }
            default -> {
                return true;
            }
        }
    }

    private static boolean allowsString(JsonNode schema, String text) {
        int length = text.codePointCount(0, text.length());
        if (schema.has("maxLength") && length > schema.get("maxLength").asInt()
                || schema.has("minLength") && length < schema.get("minLength").asInt()) {
            return false;
        }
        if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
            return false;
        }
        switch (schema.path("format").asText("")) {
            case "uuid" -> {
                return UUID_FORMAT.matcher(text).matches();
            }
            case "date-time" -> {
                try {
                    OffsetDateTime.parse(text);
                    return true;
                } catch (DateTimeParseException e) {
                    return false;
                }
            }
            case "decimal" -> {
                try {
                    return inRange(schema, new BigDecimal(text));
                } catch (NumberFormatException e) {
                    return false;
                }
            }
            default -> {
                return true;
            }
        }
    }

    private static boolean inRange(JsonNode schema, BigDecimal number) {
        return !(schema.has("minimum") && number.compareTo(schema.get("minimum").decimalValue()) < 0
                || schema.has("maximum") && number.compareTo(schema.get("maximum").decimalValue()) > 0
                || schema.has("exclusiveMinimum") && schema.get("exclusiveMinimum").isNumber()
                        && number.compareTo(schema.get("exclusiveMinimum").decimalValue()) <= 0
                || schema.has("exclusiveMaximum") && schema.get("exclusiveMaximum").isNumber()
                        && number.compareTo(schema.get("exclusiveMaximum").decimalValue()) >= 0);
    }

    /** A query, path or header value as the schema's type reads it: text that is an integer is one. */
    static JsonNode fromParameterText(JsonNode schema, String text) {
        String type = schema.path("type").asText("string");
        if (type.equals("integer")) {
            try {
                return NODES.numberNode(new BigInteger(text));
            } catch (NumberFormatException e) {
                return NODES.textNode(text);
            }
        }
        if (type.equals("number")) {
            try {
                return NODES.numberNode(new BigDecimal(text));
            } catch (NumberFormatException e) {
                return NODES.textNode(text);
            }
        }
        return NODES.textNode(text);
    }

    static List<String> required(JsonNode schema) {
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        return required;
    }

    private static String quoted(String text) {
        String shown = text.length() > 24 ? text.substring(0, 24) + "…" : text;
        return "\"" + shown.replace("\u0000", "\\u0000").replace("\t", "\\t").replace("\n", "\\n") + "\"";
    }
}
