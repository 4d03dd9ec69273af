package com.flowstate.security;

import java.util.function.Supplier;

import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.transaction.TransactionException;

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
        boolean hadFailures = counting(() -> throttle.admit(username, address));
        Authentication authenticated;
        try {
            authenticated = passwordCheck.authenticate(attempt);
        } catch (BadCredentialsException wrongPassword) {
            counting(() -> {
                throttle.failed(username, address);
                return null;
            });
            throw wrongPassword;
        }
        if (authenticated != null && hadFailures) {
            counting(() -> {
                throttle.succeeded(username);
                return null;
            });
        }
        return authenticated;
    }

    /**
     * The counts live in the database: when it does not answer, the sign-in cannot be checked — an internal failure
     * (the entry point answers 503), as when the user cannot be looked up, never "wrong credentials" nor a 500.
     */
    private static <T> T counting(Supplier<T> step) {
        try {
            return step.get();
        } catch (DataAccessException | TransactionException databaseDown) {
            throw new InternalAuthenticationServiceException(databaseDown.getMessage(), databaseDown);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwordCheck.supports(authentication);
    }
}
