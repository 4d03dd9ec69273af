package com.flowstate.security;

import java.util.Locale;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;

/**
 * A request authenticated by an API token ({@code Authorization: Bearer <token>}): before, the presented token; after,
 * the token's user as they are now. Requests with any other Authorization go on to HTTP Basic.
 */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private static final String BEARER = "bearer ";

    private final String token;
    private final FlowstateUser user;

    private ApiTokenAuthentication(String token) {
        super(null);
        this.token = token;
        this.user = null;
    }

    private ApiTokenAuthentication(FlowstateUser user) {
        super(user.getAuthorities());
        this.token = null;
        this.user = user;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return user;
    }

    @Override
    public String getName() {
        return user == null ? "API token" : user.getUsername();
    }

    @Override
    public void eraseCredentials() {
        // Nothing kept: the authenticated one never holds the token.
    }

    static boolean isBearer(String authorization) {
        return authorization != null && authorization.length() >= BEARER.length()
                && authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER);
    }

    /**
     * Spring Security's generic authentication filter, fed with the bearer token and checked by the token service;
     * a refused token is answered by the API's problem responses (401). Stateless: the authentication lives for the
     * request only.
     */
    static AuthenticationFilter filter(ApiTokenService tokens, AuthenticationEntryPoint refusals) {
        AuthenticationProvider check = new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication presented) {
                return new ApiTokenAuthentication(tokens.authenticate((String) presented.getCredentials()));
            }

            @Override
            public boolean supports(Class<?> type) {
                return ApiTokenAuthentication.class.isAssignableFrom(type);
            }
        };
        AuthenticationConverter bearer = request -> {
            String authorization = request.getHeader("Authorization");
            if (!isBearer(authorization)) {
                return null;
            }
            String token = authorization.substring(BEARER.length()).strip();
            if (token.isEmpty()) {
                throw new BadCredentialsException("The Bearer authorization has no token");
            }
            return new ApiTokenAuthentication(token);
        };
        AuthenticationFilter filter = new AuthenticationFilter(new ProviderManager(check), bearer);
        filter.setSuccessHandler((request, response, authentication) -> { });
        var failures = new AuthenticationEntryPointFailureHandler(refusals);
        // A token that could not be checked (database down) goes to the entry point too, which answers 503.
        failures.setRethrowAuthenticationServiceException(false);
        filter.setFailureHandler(failures);
        return filter;
    }

    /** Whether the current request came with an API token rather than a password or a UI session. */
    static boolean current(Authentication authentication) {
        return authentication instanceof ApiTokenAuthentication;
    }
}
