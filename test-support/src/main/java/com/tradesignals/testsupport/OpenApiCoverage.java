package com.tradesignals.testsupport;

import io.restassured.path.json.JsonPath;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks a service's OpenAPI document against its JAX-RS resources: every resource method of the service's own
 * classes ({@code target/classes}) is an operation with a summary, a tag and its security, documents the success it
 * answers and every error answer its shape allows (docs/api-reference.md), each as an RFC 9457 problem. The list of
 * what is missing is the failure message, so one run names every gap.
 */
public final class OpenApiCoverage {

    private static final Map<Class<? extends Annotation>, String> METHODS = Map.of(GET.class, "get", POST.class,
            "post", PUT.class, "put", PATCH.class, "patch", DELETE.class, "delete", HEAD.class, "head",
            OPTIONS.class, "options");
    private static final Set<Class<? extends Annotation>> NOT_A_BODY = Set.of(PathParam.class, QueryParam.class,
            HeaderParam.class, CookieParam.class, MatrixParam.class, FormParam.class, BeanParam.class, Context.class);
    private static final String PROBLEM = "#/components/schemas/Problem";

    private OpenApiCoverage() {
    }

    /** What is missing from {@code document} (the JSON of /q/openapi); empty when everything is documented. */
    public static List<String> gaps(String document) {
        return gaps(document, resourceClasses());
    }

    /** What is missing from {@code document} for these resource classes. */
    public static List<String> gaps(String document, List<Class<?>> resources) {
        JsonPath openApi = JsonPath.from(document);
        List<String> gaps = new ArrayList<>();
        for (Class<?> resource : resources) {
            for (Method method : resource.getDeclaredMethods()) {
                httpMethod(method).ifPresent(verb -> check(openApi, resource, method, verb, gaps));
            }
        }
        return gaps;
    }

    /** The operations the document has, as {@code "get /api/v1/devices"}: a test asserts the count it expects. */
    public static List<String> operations(String document) {
        Map<String, Map<String, Object>> paths = JsonPath.from(document).getMap("paths");
        List<String> operations = new ArrayList<>();
        paths.forEach((path, item) -> item.keySet().forEach(verb -> operations.add(verb + " " + path)));
        return operations;
    }

    private static void check(JsonPath openApi, Class<?> resource, Method method, String verb, List<String> gaps) {
        String path = pathOf(resource, method);
        String where = verb.toUpperCase() + " " + path + " (" + resource.getSimpleName() + "." + method.getName() + ")";
        Map<String, Object> operation = openApi.getMap("paths.'" + path + "'." + verb);
        if (operation == null) {
            gaps.add(where + ": not in the document");
            return;
        }
        if (blank(operation.get("summary"))) {
            gaps.add(where + ": no summary");
        }
        if (!(operation.get("tags") instanceof List<?> tags) || tags.isEmpty()) {
            gaps.add(where + ": no tag");
        }
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
        boolean isSecured = !method.isAnnotationPresent(PermitAll.class)
                && (method.isAnnotationPresent(RolesAllowed.class) || resource.isAnnotationPresent(RolesAllowed.class));
        List<?> security = operation.get("security") instanceof List<?> list ? list : List.of();
        if (isSecured && security.isEmpty()) {
            gaps.add(where + ": secured by @RolesAllowed but documents no security");
        }
        List<String> expected = new ArrayList<>(List.of("429", "500", "503"));
        boolean hasPathParameter = parameters(method, PathParam.class) || path.contains("{");
        boolean hasBody = Stream.of(method.getParameters()).anyMatch(OpenApiCoverage::isBody);
        if (hasBody || method.getParameterCount() > 0 && !onlyContext(method)) {
            expected.add("400");
        }
        if (hasPathParameter) {
            expected.add("404");
        }
        if (hasBody) {
            expected.add("415");
        }
        if (isSecured) {
            expected.add("401");
        }
        if (isSecured && security.toString().contains("bearer-jwt")) {
            expected.add("403");
        }
        for (String status : expected) {
            if (!responses.containsKey(status)) {
                gaps.add(where + ": answer " + status + " undocumented");
            }
        }
        responses.forEach((status, response) -> {
            if (blank(response.get("description"))) {
                gaps.add(where + ": answer " + status + " has no description");
            }
            if ((status.startsWith("4") || status.startsWith("5")) && !String.valueOf(response.get("content"))
                    .contains("application/problem+json={schema={$ref=" + PROBLEM + "}}")) {
                gaps.add(where + ": answer " + status + " is not a problem+json Problem");
            }
        });
        if (responses.keySet().stream().noneMatch(status -> status.startsWith("2"))) {
            gaps.add(where + ": no success answer");
        } else if (returnsNothing(method) && !responses.containsKey("204")) {
            gaps.add(where + ": answers 204 (no body), undocumented");
        } else if (returnsEntity(method) && !String.valueOf(responses.get("200")).contains("application/json")) {
            gaps.add(where + ": answers 200 with a JSON body, undocumented");
        }
    }

    private static List<Class<?>> resourceClasses() {
        java.nio.file.Path classes = java.nio.file.Path.of("target", "classes");
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> classes.relativize(file).toString().replace(java.io.File.separatorChar, '.'))
                    .map(name -> name.substring(0, name.length() - ".class".length()))
                    .<Class<?>>map(name -> load(name, loader))
                    // Interfaces with @Path are REST clients of other services, not this service's endpoints.
                    .filter(type -> type != null && !type.isInterface() && type.isAnnotationPresent(Path.class))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static java.util.Optional<String> httpMethod(Method method) {
        return METHODS.entrySet().stream().filter(entry -> method.isAnnotationPresent(entry.getKey()))
                .map(Map.Entry::getValue).findFirst();
    }

    private static String pathOf(Class<?> resource, Method method) {
        String path = resource.getAnnotation(Path.class).value();
        Path sub = method.getAnnotation(Path.class);
        if (sub != null) {
            path = path.replaceAll("/$", "") + "/" + sub.value().replaceAll("^/", "");
        }
        return path.length() > 1 ? path.replaceAll("/$", "") : path;
    }

    private static boolean parameters(Method method, Class<? extends Annotation> kind) {
        return Stream.of(method.getParameters()).anyMatch(parameter -> parameter.isAnnotationPresent(kind));
    }

    private static boolean onlyContext(Method method) {
        return Stream.of(method.getParameters()).allMatch(parameter -> parameter.isAnnotationPresent(Context.class));
    }

    /** A parameter with no JAX-RS or RESTEasy Reactive parameter annotation is the request body. */
    private static boolean isBody(Parameter parameter) {
        return Stream.of(parameter.getAnnotations()).map(Annotation::annotationType)
                .noneMatch(type -> NOT_A_BODY.contains(type)
                        || type.getName().startsWith("org.jboss.resteasy.reactive.Rest"));
    }

    private static boolean returnsNothing(Method method) {
        Type type = method.getGenericReturnType();
        if (type == void.class) {
            return true;
        }
        return type instanceof ParameterizedType generic && generic.getActualTypeArguments()[0] == Void.class;
    }

    /** A plain entity (not a Response or RestResponse, whose status the method chooses): answered 200 as JSON. */
    private static boolean returnsEntity(Method method) {
        Type type = method.getGenericReturnType();
        if (type instanceof ParameterizedType generic && generic.getRawType().getTypeName().endsWith("Uni")) {
            type = generic.getActualTypeArguments()[0];
        }
        String name = type instanceof ParameterizedType generic ? generic.getRawType().getTypeName()
                : type.getTypeName();
        return !name.endsWith("Response") && !name.equals("void") && !name.equals(Void.class.getName());
    }

    private static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }
}
