package com.verdict.base;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The REST API answers JSON (exports JSON Lines) whatever the {@code Accept} header asks for. Spring weighs that
 * header only when it writes the answer, after the call's work is committed: a client that asked for text/plain
 * would have its judgment or import stored and then hear 406, and its errors would turn into 500s. So the header
 * counts as {@code *}{@code /*}; one that is not a list of media types at all is a 400, before anything is done.
 */
@Component
class ApiAcceptHeader extends OncePerRequestFilter {

    private final ObjectMapper json;

    ApiAcceptHeader(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String accept = String.join(", ", Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
        if (accept.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        try {
            MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            new ApiError("Invalid Accept header", List.of("Accept: '" + accept + "' is not a list of media types, "
                    + "such as application/json")).writeTo(response, 400, json);
            return;
        }
        chain.doFilter(new AnythingAccepted(request), response);
    }

    private static final class AnythingAccepted extends HttpServletRequestWrapper {

        AnythingAccepted(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? MediaType.ALL_VALUE : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.enumeration(List.of(MediaType.ALL_VALUE))
                    : super.getHeaders(name);
        }
    }
}
