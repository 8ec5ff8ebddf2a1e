package com.verdict.base;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Answers any /api request that no endpoint serves with JSON; without it the request would fall through to
 * Vaadin, which answers unknown paths with its HTML page. A path that an endpoint has, asked with another
 * method or content type, is a 405 or 415 (this catch-all would otherwise take it for an unknown path).
 */
@RestController
class UnknownApiController {

    private static final String EVERY_PATH = "/api/**";

    private final RequestMappingHandlerMapping mappings;

    UnknownApiController(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @RequestMapping(EVERY_PATH)
    void unknown(HttpServletRequest request)
            throws HttpRequestMethodNotSupportedException, HttpMediaTypeNotSupportedException {
        List<RequestMappingInfo> samePath = mappings.getHandlerMethods().keySet().stream()
                .filter(info -> !info.getPatternValues().contains(EVERY_PATH))
                .filter(info -> info.getPathPatternsCondition() != null
                        && info.getPathPatternsCondition().getMatchingCondition(request) != null)
                .toList();
        List<RequestMappingInfo> sameMethod = samePath.stream()
                .filter(info -> info.getMethodsCondition().getMatchingCondition(request) != null)
                .toList();
        if (!samePath.isEmpty() && sameMethod.isEmpty()) {
            throw new HttpRequestMethodNotSupportedException(request.getMethod(), samePath.stream()
                    .flatMap(info -> info.getMethodsCondition().getMethods().stream())
                    .map(Enum::name)
                    .collect(Collectors.toCollection(TreeSet::new)));
        }
        String consumable = sameMethod.stream()
                .flatMap(info -> info.getConsumesCondition().getConsumableMediaTypes().stream())
                .map(MediaType::toString)
                .sorted()
                .collect(Collectors.joining(", "));
        if (!consumable.isEmpty()) {
            throw new HttpMediaTypeNotSupportedException("Content-Type '" + Objects.requireNonNullElse(
                    request.getContentType(), "") + "' is not supported; send one of " + consumable);
        }
        throw new ApiException(HttpStatus.NOT_FOUND, "Not found: " + request.getRequestURI());
    }
}
