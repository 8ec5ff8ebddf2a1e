package com.verdict.base;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;

/** The body of every REST error: what went wrong, and the particulars. */
public record ApiError(String error, List<String> details) {

    public ApiError(String error) {
        this(error, List.of());
    }

    /** Writes this error outside Spring MVC, e.g. from a security filter. */
    public void writeTo(HttpServletResponse response, int status, ObjectMapper mapper) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        mapper.writeValue(response.getOutputStream(), this);
    }
}
