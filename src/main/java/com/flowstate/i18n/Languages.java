package com.flowstate.i18n;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;

import jakarta.servlet.http.Cookie;

/**
 * The UI's languages: Italian, English, Spanish. A new visitor gets the browser's language when it is one of them,
 * Italian otherwise. A choice made in the user menu holds for the session and is remembered in a cookie, so the
 * sign-in page after a logout already speaks it.
 */
public final class Languages {

    public static final Locale ITALIAN = Locale.ITALIAN;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale SPANISH = Locale.forLanguageTag("es");
    public static final List<Locale> SUPPORTED = List.of(ITALIAN, ENGLISH, SPANISH);

    static final String COOKIE = "flowstate-language";
    private static final String SESSION_ATTRIBUTE = Languages.class.getName() + ".chosen";
    private static final Duration COOKIE_LIFETIME = Duration.ofDays(365);

    private Languages() {
    }

    /** The language of a new UI: this session's choice, else the remembered one, else the browser's, else Italian. */
    static Locale preferred(VaadinSession session, VaadinRequest request) {
        Object chosen = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
        if (chosen instanceof Locale locale) {
            return locale;
        }
        return remembered(request)
                .or(() -> request == null || request.getLocale() == null ? Optional.empty()
                        : supported(request.getLocale().getLanguage()))
                .orElse(ITALIAN);
    }

    /** Switches the session to a language, remembers it and reloads the page so the view renders in it. */
    public static void switchTo(Locale locale) {
        Locale supported = supported(locale.getLanguage()).orElse(ITALIAN);
        VaadinSession session = VaadinSession.getCurrent();
        session.setAttribute(SESSION_ATTRIBUTE, supported);
        session.setLocale(supported);
        remember(supported);
        UI.getCurrent().getPage().reload();
    }

    /** The key of a language's own name in the translations ("Italiano", "English", "Español"). */
    public static String labelKey(Locale locale) {
        return "language." + locale.getLanguage();
    }

    private static Optional<Locale> supported(String language) {
        return SUPPORTED.stream().filter(locale -> locale.getLanguage().equals(language)).findFirst();
    }

    private static Optional<Locale> remembered(VaadinRequest request) {
        if (request == null || request.getCookies() == null) {
            return Optional.empty();
        }
        return Arrays.stream(request.getCookies())
                .filter(cookie -> COOKIE.equals(cookie.getName()))
                .findFirst()
                .flatMap(cookie -> supported(cookie.getValue()));
    }

    private static void remember(Locale locale) {
        VaadinRequest request = VaadinRequest.getCurrent();
        VaadinResponse response = VaadinResponse.getCurrent();
        if (request == null || response == null) {
            return;
        }
        Cookie cookie = new Cookie(COOKIE, locale.getLanguage());
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge((int) COOKIE_LIFETIME.toSeconds());
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        response.addCookie(cookie);
    }
}
