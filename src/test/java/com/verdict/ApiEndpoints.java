package com.verdict;

import java.io.InputStream;
import java.io.Reader;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every REST endpoint under /api as Spring MVC maps it, found at run time: tests built on this list cover an
 * endpoint as soon as someone adds it.
 */
final class ApiEndpoints {

    /** A method and path pattern, e.g. {@code POST /api/assignments/{id}/judgment}; ANY maps every method. */
    record Endpoint(String method, String pattern, HandlerMethod handler) {

        String key() {
            return method + " " + pattern;
        }

        /** The parameter the request body is read into: a {@code @RequestBody} or the raw stream. */
        Optional<MethodParameter> body() {
            return Arrays.stream(handler.getMethodParameters())
                    .filter(p -> p.hasParameterAnnotation(RequestBody.class)
                            || InputStream.class.isAssignableFrom(p.getParameterType())
                            || Reader.class.isAssignableFrom(p.getParameterType()))
                    .findFirst();
        }
    }

    private ApiEndpoints() {
    }

    static List<Endpoint> all(ApplicationContext context) {
        return context.getBeansOfType(RequestMappingHandlerMapping.class).values().stream()
                .flatMap(mapping -> mapping.getHandlerMethods().entrySet().stream())
                .flatMap(mapped -> endpoints(mapped.getKey(), mapped.getValue()))
                .filter(endpoint -> endpoint.pattern().startsWith("/api/"))
                .sorted(Comparator.comparing(Endpoint::key))
                .toList();
    }

    private static Stream<Endpoint> endpoints(RequestMappingInfo info, HandlerMethod handler) {
        List<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? List.of("ANY")
                : info.getMethodsCondition().getMethods().stream().map(RequestMethod::name).toList();
        return info.getPatternValues().stream()
                .flatMap(pattern -> methods.stream().map(method -> new Endpoint(method, pattern, handler)));
    }
}
