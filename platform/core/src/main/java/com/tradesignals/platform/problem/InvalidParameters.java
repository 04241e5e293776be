package com.tradesignals.platform.problem;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Finds which query or path parameters of the matched resource method could not be converted.
 *
 * <p>RESTEasy Reactive reports a failed query or path parameter conversion as a {@code NotFoundException} caused
 * by the converter's exception, without the parameter's name. The client deserves a 400 naming it, so the
 * parameters the request sent are converted again, the way JAX-RS does ({@code valueOf}, {@code fromString},
 * a {@code String} constructor), and those that fail are the invalid ones.
 */
final class InvalidParameters {

    private static final Map<Class<?>, Class<?>> BOXES = Map.of(int.class, Integer.class, long.class, Long.class,
            boolean.class, Boolean.class, double.class, Double.class, float.class, Float.class, short.class,
            Short.class, byte.class, Byte.class);

    private InvalidParameters() {
    }

    /** The names of the invalid parameters, e.g. {@code after}; empty when none can be named. */
    static List<String> of(SimpleResourceInfo resource, UriInfo uri) {
        if (resource == null || resource.getResourceClass() == null) {
            return List.of();
        }
        Optional<Method> method = methodOf(resource);
        if (method.isEmpty()) {
            return List.of();
        }
        List<String> invalid = new ArrayList<>();
        for (Parameter parameter : method.get().getParameters()) {
            Optional<String> query = queryName(parameter);
            Optional<String> path = pathName(parameter);
            if (query.isPresent() && !convertible(uri.getQueryParameters(), query.get(), parameter.getType())) {
                invalid.add(query.get());
            } else if (path.isPresent() && !convertible(uri.getPathParameters(), path.get(), parameter.getType())) {
                invalid.add(path.get());
            }
        }
        return invalid;
    }

    private static Optional<Method> methodOf(SimpleResourceInfo resource) {
        for (Class<?> type = resource.getResourceClass(); type != null; type = type.getSuperclass()) {
            try {
                return Optional.of(type.getDeclaredMethod(resource.getMethodName(), resource.parameterTypes()));
            } catch (NoSuchMethodException notHere) {
                // declared by a superclass
            }
        }
        return Optional.empty();
    }

    private static Optional<String> queryName(Parameter parameter) {
        QueryParam query = parameter.getAnnotation(QueryParam.class);
        if (query != null) {
            return Optional.of(query.value());
        }
        RestQuery restQuery = parameter.getAnnotation(RestQuery.class);
        return restQuery == null ? Optional.empty()
                : Optional.of(restQuery.value().isEmpty() ? parameter.getName() : restQuery.value());
    }

    private static Optional<String> pathName(Parameter parameter) {
        PathParam path = parameter.getAnnotation(PathParam.class);
        if (path != null) {
            return Optional.of(path.value());
        }
        RestPath restPath = parameter.getAnnotation(RestPath.class);
        return restPath == null ? Optional.empty()
                : Optional.of(restPath.value().isEmpty() ? parameter.getName() : restPath.value());
    }

    private static boolean convertible(MultivaluedMap<String, String> sent, String name, Class<?> type) {
        List<String> values = sent.get(name);
        if (values == null || type == String.class) {
            return true;
        }
        Class<?> target = BOXES.getOrDefault(type, type);
        for (String value : values) {
            if (!convertible(value, target)) {
                return false;
            }
        }
        return true;
    }

    private static boolean convertible(String value, Class<?> target) {
        if ((target == Integer.class || target == Long.class) && !StrictIntegerParameters.isInteger(value)) {
            return false;
        }
        try {
            for (String factory : List.of("valueOf", "fromString")) {
                try {
                    Method method = target.getMethod(factory, String.class);
                    if (Modifier.isStatic(method.getModifiers())) {
                        method.invoke(null, value);
                        return true;
                    }
                } catch (NoSuchMethodException absent) {
                    // try the next way of converting
                }
            }
            Constructor<?> constructor = target.getConstructor(String.class);
            constructor.newInstance(value);
            return true;
        } catch (InvocationTargetException rejected) {
            return false;
        } catch (ReflectiveOperationException | RuntimeException unknown) {
            // A type converted some other way (a ParamConverter): not one this check can judge.
            return true;
        }
    }
}
