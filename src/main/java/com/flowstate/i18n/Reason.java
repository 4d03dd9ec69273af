package com.flowstate.i18n;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * Why something did not happen, as a stable code and named parameters, so each reader sees it in their own language
 * (decision 0020). The text of code {@code x} is the translation {@code reason.x}, with {@code {name}} placeholders
 * filled from the parameters as they are (no {@code MessageFormat}: an SMTP server's reply or a file name is shown
 * as written). {@link #text()} is the English text, kept for logs, the REST API and exports.
 *
 * <p>A reason written before codes existed has no code: it shows its stored text in every language.
 *
 * @param code   null only for such an old reason
 * @param params values by name, in the order given; never null
 * @param text   the English text
 */
public record Reason(String code, Map<String, String> params, String text) {

    /** Anything the code did not expect; its one parameter {@code message} is the error's own text. */
    public static final String UNEXPECTED = "unexpected";

    private static final String BUNDLE = "vaadin-i18n/translations";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Built once: a reader made per call resolved the map's generic type again for every history row read. */
    private static final ObjectReader PARAMS = JSON.readerFor(new TypeReference<LinkedHashMap<String, String>>() {
    });
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    public Reason {
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * A reason with its code and parameters given as name, value, name, value…; a null value is shown empty.
     *
     * @throws IllegalArgumentException when the names and values do not pair up
     */
    public static Reason of(String code, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Reason " + code + ": parameters must be name, value pairs");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            params.put(String.valueOf(namesAndValues[i]), value == null ? "" : String.valueOf(value));
        }
        return coded(code, params);
    }

    /** A reason read back from its code and parameters; its English text is rendered again. */
    public static Reason coded(String code, Map<String, String> params) {
        return new Reason(code, params, render(Languages.ENGLISH, code, params == null ? Map.of() : params));
    }

    /** The error nobody planned for, with its own message as the only thing worth showing. */
    public static Reason unexpected(Throwable error) {
        return of(UNEXPECTED, "message", error.getMessage() == null ? error.getClass().getSimpleName()
                : error.getMessage());
    }

    /** A reason stored before codes existed (or by a writer that has none): its text, shown as it is. */
    public static Reason legacy(String text) {
        return text == null ? null : new Reason(null, Map.of(), text);
    }

    /**
     * A reason as a history row stores it: {@code reason_code}, {@code reason_params} (a JSON object of strings) and
     * {@code last_error} (the English text). A row without a code is an old one: its text as it is.
     */
    public static Reason stored(String code, String paramsJson, String text) {
        if (code == null) {
            return legacy(text);
        }
        Map<String, String> params = Map.of();
        if (paramsJson != null) {
            try {
                params = PARAMS.readValue(paramsJson);
            } catch (JsonProcessingException unreadable) {
                params = Map.of();
            }
        }
        return new Reason(code, params, text);
    }

    /** The parameters as the JSON object stored in {@code reason_params}; null when there is no code. */
    public String paramsJson() {
        if (code == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(params);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The reason in a reader's language; English when the language has no text for the code. */
    public String in(Locale locale) {
        if (code == null) {
            return text;
        }
        String translated = render(locale, code, params);
        return translated != null ? translated : text;
    }

    /** Whether the bundle of a language has a text for this code. */
    public static boolean isTranslated(String code, Locale locale) {
        return template(locale, code) != null;
    }

    private static String render(Locale locale, String code, Map<String, String> params) {
        String template = template(locale, code);
        if (template == null) {
            template = template(Languages.ENGLISH, code);
        }
        if (template == null) {
            return params.isEmpty() ? code : code + " " + params;
        }
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder text = new StringBuilder();
        while (placeholder.find()) {
            // A parameter may carry the same thing per language ("substate@es"), e.g. a flow's own names.
            String value = params.getOrDefault(placeholder.group(1) + "@" + locale.getLanguage(),
                    params.get(placeholder.group(1)));
            placeholder.appendReplacement(text, Matcher.quoteReplacement(value == null ? placeholder.group() : value));
        }
        placeholder.appendTail(text);
        return text.toString();
    }

    private static String template(Locale locale, String code) {
        try {
            return ResourceBundle.getBundle(BUNDLE, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                    .getString("reason." + code);
        } catch (MissingResourceException missing) {
            return null;
        }
    }
}
