package com.flowstate.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Every password check of the application — HTTP Basic on {@code /api}, {@code /engine-rest} and Actuator, and the
 * login form — goes through this: a locked username or address is refused before the password is checked, a wrong
 * password is counted, a success clears the username's count. The client address is the request's remote address
 * ({@code request.getRemoteAddr()}), which follows {@code X-Forwarded-For} only when
 * {@code server.forward-headers-strategy} says a proxy is trusted.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwordCheck;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(AuthenticationProvider passwordCheck, LoginThrottle throttle) {
        this.passwordCheck = passwordCheck;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        boolean hadFailures = throttle.admit(username, address);
        Authentication authenticated;
        try {
            authenticated = passwordCheck.authenticate(attempt);
        } catch (BadCredentialsException wrongPassword) {
            throttle.failed(username, address);
            throw wrongPassword;
        }
        if (authenticated != null && hadFailures) {
            throttle.succeeded(username);
        }
        return authenticated;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwordCheck.supports(authentication);
    }
}
