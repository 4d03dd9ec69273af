package com.flowstate.security;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a state-changing request (POST, PUT, PATCH, DELETE) that a browser sent from another site's page: its
 * {@code Origin} is neither this server's own origin (scheme, host and port the request was made to) nor one of
 * {@code flowstate.security.allowed-origins}, or it has no {@code Origin} but {@code Sec-Fetch-Site} says
 * {@code cross-site} or {@code same-site}. A browser attaches a session cookie or cached Basic credentials to such a
 * request by itself, so without this check another site could make a signed-in user's browser change data. A request
 * with neither header (curl, server-to-server clients) is let through: it carries only what its sender chose to send.
 * Runs before authentication, so a refused request never counts as a failed sign-in.
 */
final class CrossOriginGuard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(CrossOriginGuard.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final RequestMatcher guarded;
    private final Set<String> allowedOrigins;
    private final ProblemResponses problems;

    CrossOriginGuard(RequestMatcher guarded, List<String> allowedOrigins, ProblemResponses problems) {
        this.guarded = guarded;
        this.allowedOrigins = allowedOrigins.stream().filter(origin -> !origin.isBlank()).map(CrossOriginGuard::normalise).collect(Collectors.toSet());
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return SAFE_METHODS.contains(request.getMethod()) || !guarded.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        String site = request.getHeader("Sec-Fetch-Site");
        String foreign = origin != null
                ? (isOwn(origin, request) || allowedOrigins.contains(normalise(origin)) ? null : origin)
                : ("cross-site".equals(site) || "same-site".equals(site) ? "a " + site + " page" : null);
        if (foreign == null) {
            chain.doFilter(request, response);
            return;
        }
        log.info("Refused {} {} from {}", request.getMethod(), request.getRequestURI(), printable(foreign));
        problems.write(request, response, HttpStatus.FORBIDDEN, "Cross-origin request refused",
                "A " + request.getMethod() + " from " + printable(foreign) + " is not accepted: only pages of "
                        + ownOrigin(request) + (allowedOrigins.isEmpty() ? "" : " or of " + allowedOrigins.stream()
                        .sorted().collect(Collectors.joining(", "))) + " may change data here");
    }

    private static boolean isOwn(String origin, HttpServletRequest request) {
        return normalise(origin).equals(ownOrigin(request));
    }

    /** The origin the browser addressed: with a trusted proxy (forward-headers strategy) the proxy's public one. */
    private static String ownOrigin(HttpServletRequest request) {
        return origin(request.getScheme(), request.getServerName(), request.getServerPort());
    }

    /** scheme://host[:port] in lower case, the scheme's default port left out; "null" or garbage stays as it is. */
    private static String normalise(String origin) {
        try {
            URI uri = URI.create(origin.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return origin;
            }
            return origin(uri.getScheme(), uri.getHost(), uri.getPort());
        } catch (IllegalArgumentException notAUri) {
            return origin;
        }
    }

    private static String origin(String scheme, String host, int port) {
        String lowerScheme = scheme.toLowerCase(Locale.ROOT);
        boolean defaultPort = port < 0 || ("http".equals(lowerScheme) && port == 80)
                || ("https".equals(lowerScheme) && port == 443);
        return lowerScheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private static String printable(String text) {
        String value = text.replaceAll("\\p{Cntrl}", "?");
        return value.length() > 200 ? value.substring(0, 200) + "…" : value;
    }
}
