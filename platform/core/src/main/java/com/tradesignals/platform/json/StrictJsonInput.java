package com.tradesignals.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads JSON as the OpenAPI documents describe it, not as leniently as Jackson would: a string field is a JSON
 * string (not {@code 12} or {@code true}), an integer is a JSON integer (not {@code "12"} or {@code 1.5}), an enum
 * is one of its names (not its index), a decimal is a plain decimal string ({@code "1.50"}, not {@code 1.5} nor
 * {@code "1e5"}, docs/decisions/0004), an instant is an ISO-8601 date-time with an offset (not epoch seconds).
 * Anything else is a {@code MismatchedInputException}, which the problem mappers answer as a 400 naming the field.
 */
@Singleton
public class StrictJsonInput implements ObjectMapperCustomizer {

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    @Override
    public void customize(ObjectMapper objectMapper) {
        objectMapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        objectMapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        refuse(objectMapper, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        refuse(objectMapper, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.Float,
                CoercionInputShape.Boolean, CoercionInputShape.EmptyString);
        refuse(objectMapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean,
                CoercionInputShape.EmptyString);
        refuse(objectMapper, LogicalType.Boolean, CoercionInputShape.String, CoercionInputShape.Integer,
                CoercionInputShape.Float, CoercionInputShape.EmptyString);
        refuse(objectMapper, LogicalType.Enum, CoercionInputShape.Integer, CoercionInputShape.EmptyString);
        SimpleModule strict = new SimpleModule("strict-json-input");
        strict.addDeserializer(BigDecimal.class, new FromStringOnly<>(BigDecimal.class, text -> {
            if (!PLAIN_DECIMAL.matcher(text).matches()) {
                throw new NumberFormatException("not a plain decimal");
            }
            return new BigDecimal(text);
        }));
        strict.addDeserializer(Instant.class, new FromStringOnly<>(Instant.class,
                text -> OffsetDateTime.parse(text).toInstant()));
        objectMapper.registerModule(strict);
    }

    /** After the other customizers, so that these deserializers replace the Java time module's. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    private static void refuse(ObjectMapper objectMapper, LogicalType type, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            objectMapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
        }
    }

    /** A value written only as a JSON string that {@code parse} accepts. */
    private static final class FromStringOnly<T> extends StdScalarDeserializer<T> {

        private final transient Function<String, T> parse;

        FromStringOnly(Class<T> type, Function<String, T> parse) {
            super(type);
            this.parse = parse;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (T) context.handleUnexpectedToken(handledType(), parser);
            }
            String text = parser.getText();
            try {
                return parse.apply(text);
            } catch (NumberFormatException | DateTimeParseException e) {
                return (T) context.handleWeirdStringValue(handledType(), text, e.getMessage());
            }
        }
    }
}
