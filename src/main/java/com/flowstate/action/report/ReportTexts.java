package com.flowstate.action.report;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.springframework.web.util.HtmlUtils;

/**
 * The words a report and its e-mail carry: from the app's translation bundles, in the platform's language. The
 * document goes to customers and partners, not to the user who happens to look at the UI, so there is no user
 * locale here; the default bundle (Italian) is the platform's language.
 */
final class ReportTexts {

    static final Locale LOCALE = Locale.ITALIAN;
    /** Dates in documents are the platform company's calendar days. */
    static final ZoneId ZONE = ZoneId.of("Europe/Rome");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZONE);
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("vaadin-i18n/translations", LOCALE,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private ReportTexts() {
    }

    static String subject(String templateName, String opportunityName) {
        return format("report.mail.subject", templateName, opportunityName);
    }

    static String bodyText(String templateName, String opportunityName, String fileName) {
        return format("report.mail.body", templateName, opportunityName, fileName);
    }

    /** The text body as paragraphs, every value escaped. */
    static String bodyHtml(String templateName, String opportunityName, String fileName) {
        String text = bodyText(templateName, opportunityName, fileName);
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            html.append("<p>").append(HtmlUtils.htmlEscape(paragraph.strip()).replace("\n", "<br>")).append("</p>");
        }
        return html.toString();
    }

    /** An activity type's label; a type the bundles do not know stays as stored. */
    static String activityType(String type) {
        return type == null ? "" : optional("activity.type." + type, type);
    }

    static String completed(boolean completed) {
        return optional("report.document.completed." + completed, completed ? "yes" : "no");
    }

    static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    private static String format(String key, Object... values) {
        return new MessageFormat(BUNDLE.getString(key), LOCALE).format(values);
    }

    private static String optional(String key, String fallback) {
        try {
            return BUNDLE.getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }
}
