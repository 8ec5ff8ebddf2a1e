package com.verdict.base;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers any /api path that no endpoint serves with a JSON 404; without it the request would fall
 * through to Vaadin, which answers unknown paths with its HTML page.
 */
@RestController
class UnknownApiController {

    @RequestMapping("/api/**")
    void unknown(HttpServletRequest request) {
        throw new ApiException(HttpStatus.NOT_FOUND, "Not found: " + request.getRequestURI());
    }
}
