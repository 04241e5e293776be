package com.tradesignals.platform.problem;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Integer query and path parameters as the OpenAPI documents describe them: ASCII digits with an optional minus.
 * {@code Integer.valueOf} would also read {@code "+5"} and other scripts' digits ({@code "١٢٣"} is 123), and an
 * empty {@code ?limit=} would silently mean no limit; all three are 400 problems naming the parameter.
 */
@Provider
public class StrictIntegerParameters implements ParamConverterProvider {

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

    static boolean isInteger(String text) {
        return INTEGER.matcher(text).matches();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) new Strict<>(Integer::valueOf);
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) new Strict<>(Long::valueOf);
        }
        return null;
    }

    private record Strict<T>(Function<String, T> parse) implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            if (value == null) {
                return null;
            }
            if (!isInteger(value)) {
                throw new IllegalArgumentException("not an integer");
            }
            return parse.apply(value);
        }

        @Override
        public String toString(T value) {
            return String.valueOf(value);
        }
    }
}
