package com.flowstate.security;

import java.util.LinkedHashMap;
import java.util.List;

import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.flowstate.security.ui.LoginView;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

/**
 * Two chains: stateless HTTP Basic or an API token (Bearer, decision 0026) for API clients (the app's REST API,
 * Camunda's engine REST, which Camunda Modeler deploys through, and Actuator: health for anyone, the rest for admins),
 * and Vaadin's session login for the UI and Camunda's Cockpit/Admin, which trust the Spring Security login through
 * Camunda's container-based authentication. Both check passwords through one throttled provider, refuse state
 * changes from other sites' pages and send a Content-Security-Policy (decision 0016).
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String[] DESIGNERS = {Role.ADMIN.name(), Role.DESIGNER.name()};
    private static final String REALM = "Flowstate";

    private final ObjectMapper json;
    private final WebSecurityProperties settings;
    private final ContentSecurityPolicy contentSecurityPolicy;

    SecurityConfiguration(ObjectMapper json, WebSecurityProperties settings,
                          ContentSecurityPolicy contentSecurityPolicy) {
        this.json = json;
        this.settings = settings;
        this.contentSecurityPolicy = contentSecurityPolicy;
    }

    /** The nonce on the UI's own scripts, see {@link ContentSecurityPolicy#registerScriptNonces()}. */
    @Bean
    static BeanFactoryPostProcessor contentSecurityPolicyScriptNonces() {
        return ContentSecurityPolicy.registerScriptNonces();
    }

    /** How passwords are stored (bcrypt); primary over the cache of verified ones, which only checks. */
    @Bean
    @Primary
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /** bcrypt's yes, remembered for a few minutes (decision 0026). */
    @Bean
    VerifiedCredentialCache verifiedCredentials(PasswordEncoder passwords) {
        return new VerifiedCredentialCache(passwords, settings.credentialCache());
    }

    /**
     * The one password check of both chains (HTTP Basic and the login form), behind the sign-in throttle. Being the
     * only AuthenticationProvider bean, it is what Spring Boot's global AuthenticationManager uses. The user is
     * loaded on every check; only bcrypt's verdict on a password it accepted is remembered.
     */
    @Bean
    AuthenticationProvider throttledPasswordCheck(UserService users, VerifiedCredentialCache verifiedCredentials,
                                                  LoginThrottle throttle) {
        DaoAuthenticationProvider passwordCheck = new DaoAuthenticationProvider(users);
        passwordCheck.setPasswordEncoder(verifiedCredentials);
        return new ThrottledAuthenticationProvider(passwordCheck, throttle);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokenService tokens) throws Exception {
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
                        // Configuration (issue 11): partners, users, SMTP accounts, templates, rules, retention.
                        .requestMatchers(path("/api/admin/**")).hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(problems()))
                .exceptionHandling(refusals -> refusals.authenticationEntryPoint(problems())
                        .accessDeniedHandler(problems()))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // No session and no cookie: a browser's cached Basic credentials are what a forged request could
                // ride on, and the Origin check refuses those (decision 0016).
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new CrossOriginGuard(path("/**"), settings.allowedOrigins(), problems()),
                        BasicAuthenticationFilter.class)
                // An API token (Authorization: Bearer) is checked before HTTP Basic, which ignores such requests.
                .addFilterBefore(ApiTokenAuthentication.filter(tokens, problems()), BasicAuthenticationFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicy.API))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiChain(HttpSecurity http, RequestUtil vaadinRequests) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(path("/error"), path("/v3/api-docs/**"),
                        path("/swagger-ui/**"), path("/swagger-ui.html"), path("/favicon.ico"), path("/favicon.svg"))
                .permitAll()
                .requestMatchers(path("/camunda/**")).hasRole(Role.ADMIN.name()));
        // Vaadin's own requests carry Vaadin's CSRF token and Camunda's webapps their own. Vaadin's configurer would
        // also exempt the login form's POST /login, which let another site sign a browser in (login CSRF): here it
        // needs Spring's token, which the login form sends from the page's _csrf meta tags.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest,
                path("/camunda/**")).withObjectPostProcessor(new ObjectPostProcessor<CsrfFilter>() {
                    @Override
                    public <F extends CsrfFilter> F postProcess(F filter) {
                        filter.setAccessDeniedHandler(csrfRefusals());
                        return filter;
                    }
                }));
        http.addFilterBefore(new CrossOriginGuard(path(HttpMethod.POST, "/login"), settings.allowedOrigins(),
                problems()), CsrfFilter.class);
        // Camunda's webapps send their own Content-Security-Policy (its HeaderSecurityFilter): two policies would
        // both apply, so theirs is left alone.
        http.headers(headers -> headers
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(
                        path("/camunda/**")), contentSecurityPolicy))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                .enableCsrfConfiguration(false)).build();
    }

    /**
     * A login form whose token no longer matches — its session timed out, or the server restarted since the page was
     * opened — goes back to the login page with a message instead of to a bare 403 page; any other request the CSRF
     * check refuses is a 403 as before.
     */
    private static AccessDeniedHandler csrfRefusals() {
        LinkedHashMap<RequestMatcher, AccessDeniedHandler> handlers = new LinkedHashMap<>();
        handlers.put(path(HttpMethod.POST, "/login"),
                (request, response, refused) -> response.sendRedirect(request.getContextPath() + "/login?expired"));
        return new RequestMatcherDelegatingAccessDeniedHandler(handlers, new AccessDeniedHandlerImpl());
    }

    private ProblemResponses problems() {
        return new ProblemResponses(json, REALM);
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
