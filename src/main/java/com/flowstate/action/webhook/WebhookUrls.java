package com.flowstate.action.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a webhook URL must look like, and how it is shown. Partner users read the Webhook tab, so what is stored and
 * shown hides the parts of a URL that commonly carry credentials: the user info and the query's values.
 */
final class WebhookUrls {

    private WebhookUrls() {
    }

    /** The URL when it is absolute http(s) with a host; empty otherwise. */
    static Optional<URI> parse(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = scheme.equals("http") || scheme.equals("https");
            return web && uri.getHost() != null && !uri.isOpaque() ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The URL without user info and query values; text that is not a URL (an expression) stays as written. */
    static String redacted(String url) {
        if (url == null) {
            return "";
        }
        Optional<URI> parsed = parse(url);
        if (parsed.isEmpty()) {
            return url.strip();
        }
        URI uri = parsed.get();
        StringBuilder shown = new StringBuilder(uri.getScheme()).append("://");
        String authority = uri.getRawAuthority();
        if (uri.getRawUserInfo() != null) {
            shown.append("***@").append(authority.substring(authority.lastIndexOf('@') + 1));
        } else {
            shown.append(authority);
        }
        shown.append(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            shown.append('?').append(Arrays.stream(uri.getRawQuery().split("&"))
                    .map(pair -> pair.contains("=") ? pair.substring(0, pair.indexOf('=') + 1) + "***" : pair)
                    .collect(Collectors.joining("&")));
        }
        return shown.toString();
    }
}
