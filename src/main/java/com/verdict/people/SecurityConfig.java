package com.verdict.people;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.spring.security.VaadinWebSecurity;
import com.verdict.base.ApiError;
import com.verdict.people.ui.LoginView;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Two filter chains: the REST API and Actuator are stateless with HTTP Basic or an API token (Bearer) and
 * JSON errors; the Vaadin UI uses a session and the login view. A token opens only what its scopes cover.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig extends VaadinWebSecurity {

    /**
     * What the UI may load: only our own origin. Vaadin's client needs inline scripts, eval (for
     * executeJs) and inline styles, and talks back over websockets (Push).
     */
    static final String UI_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self' ws: wss:; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; "
            + "object-src 'none'";
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private final AccountDetailsService accounts;

    SecurityConfig(AccountDetailsService accounts) {
        this.accounts = accounts;
    }

    /**
     * Spring Security would otherwise wrap each of its filters, the sign-in and every access decision in an
     * observation on every request: a dozen a call and a few percent of the API's CPU under load, even with the
     * observations filtered out afterwards. {@code http.server.requests} already times the requests.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * A path the firewall refuses ("//", ";", "/./", an encoded line break): under /api a JSON 400 that says so. The
     * default answers with the servlet's error page, which the UI's chain turns into a redirect to the login view: a
     * script following redirects would read 200 and take its judgment for saved.
     */
    @Bean
    RequestRejectedHandler rejectedRequests(ObjectMapper mapper) {
        RequestRejectedHandler pages = new HttpStatusRequestRejectedHandler();
        return (request, response, rejected) -> {
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                new ApiError("Invalid request path", List.of(rejected.getMessage())).writeTo(response, 400, mapper);
            } else {
                pages.handle(request, response, rejected);
            }
        };
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    PasswordAuthenticationProvider passwordAuthentication(PasswordEncoder encoder) {
        return new PasswordAuthenticationProvider(accounts, encoder);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper mapper, ApiTokenService tokens) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Verdict\"");
            new ApiError("Authentication required").writeTo(response, 401, mapper);
        };
        http.securityMatcher("/api/**", "/actuator/**")
                .addFilterBefore(new BearerTokenFilter(tokens, mapper), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").access(TokenAccess.passwordOnly(
                                AuthorityAuthorizationManager.hasRole(Role.ADMIN.name())))
                        // Checked here, not only on the controllers: a body is validated before method security runs.
                        .requestMatchers("/api/admin/**").access(TokenAccess.passwordOnly(
                                AuthorityAuthorizationManager.hasRole(Role.ADMIN.name())))
                        .requestMatchers("/api/export/**").access(TokenAccess.scope(TokenScope.EXPORT))
                        .requestMatchers(HttpMethod.POST, "/api/interactions").access(TokenAccess.scope(TokenScope.IMPORT))
                        .anyRequest().access(TokenAccess.passwordOnly(AuthenticatedAuthorizationManager.authenticated())))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler((request, response, e) ->
                                denied(SecurityContextHolder.getContext().getAuthentication())
                                        .writeTo(response, 403, mapper)))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(API_POLICY)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** A token refused says what tokens reach and what this one may: a bare "Access denied" left a script guessing. */
    static ApiError denied(Authentication authentication) {
        if (!(authentication instanceof TokenAuthentication token)) {
            return new ApiError("Access denied");
        }
        return new ApiError("Access denied", List.of("token '" + token.tokenName() + "' may "
                + TokenScope.keys(Arrays.stream(TokenScope.values()).filter(token::allows).toList())
                + "; a token reaches only /api/export/** (scope export) and POST /api/interactions "
                + "(scope import), with its owner's roles"));
    }

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/webjars/**", "/images/**").permitAll());
        http.addFilterAfter(new AccountChangeSignOut(accounts), SecurityContextHolderFilter.class);
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(UI_POLICY))
                .frameOptions(frame -> frame.deny()));
        super.configure(http);
        setLoginView(http, LoginView.class);
    }
}
