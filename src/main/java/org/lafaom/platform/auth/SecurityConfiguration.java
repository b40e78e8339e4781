package org.lafaom.platform.auth;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.lafaom.platform.shared.AuthenticationFailure;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.shared.ErrorResponse;
import org.lafaom.platform.shared.WebProperties;
import org.lafaom.platform.users.UserAccounts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import tools.jackson.databind.ObjectMapper;

/**
 * Stateless bearer-token security. Routes are open at the URL level and each controller method
 * states what it needs with {@code @PreAuthorize}, so the rule sits beside the route it guards.
 * CORS admits only the origins listed in {@code LAFAOM_CORS_ALLOWED_ORIGINS}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, TokenService tokens, UserAccounts accounts,
            ObjectMapper mapper) throws Exception {
        // @formatter:off
        http
            .csrf(csrf -> csrf.disable()) // no cookies: bearer tokens are not sent by browsers on their own
            .cors(cors -> {})
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .formLogin(f -> f.disable())
            .httpBasic(b -> b.disable())
            .logout(l -> l.disable())
            .requestCache(c -> c.disable())
            .headers(h -> h.contentTypeOptions(o -> {}).frameOptions(f -> f.deny()))
            .addFilterBefore(new BearerTokenFilter(tokens, accounts), AnonymousAuthenticationFilter.class)
            .authorizeHttpRequests(a -> a.anyRequest().permitAll())
            .exceptionHandling(e -> e
                .authenticationEntryPoint((req, res, ex) -> write(mapper, res, AuthenticationFailure.of(req)))
                .accessDeniedHandler((req, res, ex) -> write(mapper, res, ErrorCode.ACCESS_DENIED)));
        // @formatter:on
        return http.build();
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(WebProperties web) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(web.corsAllowedOrigins().stream().map(String::trim).filter(s -> !s.isEmpty()).toList());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Requested-With", "Accept", "X-Request-Id", "Accept-Language", "X-Application-Token"));
        cors.setExposedHeaders(List.of("X-Request-Id", "Retry-After"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }

    private static void write(ObjectMapper mapper, HttpServletResponse response, ErrorCode code) throws IOException {
        response.setStatus(code.status().value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), ErrorResponse.of(code));
    }
}
