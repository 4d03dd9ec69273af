package com.flowstate.security;

import java.util.List;

import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.flowstate.security.ui.LoginView;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

/**
 * Two chains: stateless HTTP Basic for API clients (the app's REST API, Camunda's engine REST, which Camunda
 * Modeler deploys through, and Actuator: health for anyone, the rest for admins), and Vaadin's session login for the UI and Camunda's Cockpit/Admin, which trust the
 * Spring Security login through Camunda's container-based authentication.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String[] DESIGNERS = {Role.ADMIN.name(), Role.DESIGNER.name()};

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(new OrRequestMatcher(path("/engine-rest/**"), path("/api/**"),
                        path("/actuator/**")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path("/actuator/health/**")).permitAll()
                        .requestMatchers(path("/actuator/**")).hasRole(Role.ADMIN.name())
                        // Designers read the engine and deploy (and delete a deployment nothing runs on, see
                        // DeploymentDeletionGuard); changing running opportunities through the engine is an admin's.
                        .requestMatchers(path(HttpMethod.GET, "/engine-rest/**")).hasAnyRole(DESIGNERS)
                        .requestMatchers(path(HttpMethod.POST, "/engine-rest/deployment/create"),
                                path(HttpMethod.POST, "/engine-rest/engine/*/deployment/create")).hasAnyRole(DESIGNERS)
                        .requestMatchers(path(HttpMethod.DELETE, "/engine-rest/deployment/*"),
                                path(HttpMethod.DELETE, "/engine-rest/engine/*/deployment/*")).hasAnyRole(DESIGNERS)
                        .requestMatchers(path("/engine-rest/**")).hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                // A sign-in that fails because the database is down is a 503, not "wrong credentials".
                .httpBasic(basic -> basic.authenticationEntryPoint(new DatabaseOutageEntryPoint("Flowstate")))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(path("/error"), path("/v3/api-docs/**"),
                        path("/swagger-ui/**"), path("/swagger-ui.html")).permitAll()
                .requestMatchers(path("/camunda/**")).hasRole(Role.ADMIN.name()));
        // Camunda's webapps protect themselves with their own CSRF token.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(path("/camunda/**")));
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }

    /**
     * Paths on the whole URL, whichever servlet serves them: Camunda's webapp and engine REST are not Spring MVC
     * servlets, so MVC-based matchers would not see them.
     */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }

    /** Cockpit and Admin take the signed-in Spring Security user instead of showing their own login. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> cockpitSingleSignOn() {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(java.util.Map.of("authentication-provider",
                CockpitAuthenticationProvider.class.getName()));
        registration.setUrlPatterns(List.of("/camunda/*"));
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }
}
