package com.flowstate.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Reasons read in each reader's language: every code the code can produce has its text in Italian, English and
 * Spanish, with the same placeholders, and a reason renders with its parameters as they are.
 */
class ReasonTest {

    private static final Path BUNDLES = Path.of("src/main/resources/vaadin-i18n");
    private static final Path CODE = Path.of("src/main/java");
    /**
     * A code is written literally as the first argument (after an optional cause, or the field a form or REST problem
     * is about) of the calls that make reasons.
     */
    private static final Pattern CODE_LITERAL = Pattern.compile(
            "(?:Reason\\.of|permanent|transientFailure|problem|TemplateFieldException)\\(\\s*"
                    + "(?:(?:\\w+|\"[^\"]*\"(?:\\s*\\+\\s*\\w+)?),\\s*)?\"([a-z][A-Za-z]*(?:\\.[A-Za-z]+)+)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    @Test
    void everyCodeTheCodeProducesHasATextInEveryLanguage() throws IOException {
        Set<String> codes = codesInCode();
        codes.add(Reason.UNEXPECTED);

        assertThat(codes).as("codes found in src/main/java").hasSizeGreaterThan(50)
                .contains("smtp.unreachable", "assignment.noInstallerCovers", "substate.alreadyOpen");
        for (String language : List.of("it", "en", "es")) {
            Set<String> texts = reasonKeys(language).keySet();
            assertThat(texts).as("reason texts in " + language).containsAll(codes);
        }
    }

    @Test
    void everyReasonTextIsProducedByTheCode() throws IOException {
        Set<String> codes = codesInCode();
        codes.add(Reason.UNEXPECTED);

        assertThat(reasonKeys("en").keySet()).as("reason texts no code produces").isSubsetOf(codes);
    }

    @Test
    void everyLanguageUsesTheSamePlaceholders() throws IOException {
        Map<String, String> english = reasonKeys("en");
        for (String language : List.of("it", "es")) {
            reasonKeys(language).forEach((code, text) -> assertThat(placeholders(text))
                    .as(language + " reason." + code).isEqualTo(placeholders(english.get(code))));
        }
    }

    @Test
    void rendersAReasonInTheReadersLanguageWithItsParametersAsTheyAre() {
        Reason reason = Reason.of("smtp.unreachable", "server", "'relay' (smtp.example.com:25)");

        assertThat(reason.text()).isEqualTo("SMTP server 'relay' (smtp.example.com:25) is unreachable: "
                + "connection refused");
        assertThat(reason.in(Languages.ENGLISH)).isEqualTo(reason.text());
        assertThat(reason.in(Languages.ITALIAN)).isEqualTo("Il server SMTP 'relay' (smtp.example.com:25) non è "
                + "raggiungibile: connessione rifiutata");
        assertThat(reason.in(Languages.SPANISH)).isEqualTo("El servidor SMTP 'relay' (smtp.example.com:25) no es "
                + "accesible: conexión rechazada");
    }

    @Test
    void aServersReplyStaysAsItCameInsideTheTranslatedSentence() {
        Reason reason = Reason.of("smtp.recipientRefused", "server", "'relay' (mx:25)", "recipient", "a@b.it",
                "reply", "550 5.1.1 {user} unknown $1");

        assertThat(reason.in(Languages.ITALIAN)).isEqualTo("Il server SMTP 'relay' (mx:25) ha rifiutato il "
                + "destinatario a@b.it: 550 5.1.1 {user} unknown $1");
    }

    @Test
    void aParameterGivenPerLanguageReadsInTheReadersLanguage() {
        Reason reason = Reason.of("substate.alreadyOpen", "substate", "Sopralluogo", "substate@es", "Visita técnica",
                "substate@en", "Site survey");

        assertThat(reason.in(Languages.SPANISH)).isEqualTo("El subestado Visita técnica ya está abierto");
        assertThat(reason.in(Languages.ENGLISH)).isEqualTo("Substate Site survey is already open");
        assertThat(reason.in(Languages.ITALIAN)).isEqualTo("Il sottostato Sopralluogo è già aperto");
        assertThat(reason.text()).isEqualTo("Substate Site survey is already open");
    }

    @Test
    void aReasonStoredBeforeCodesExistedShowsItsTextInEveryLanguage() {
        Reason old = Reason.stored(null, null, "SMTP server 'x' is unreachable");

        assertThat(old.in(Languages.SPANISH)).isEqualTo("SMTP server 'x' is unreachable");
        assertThat(Reason.stored(null, null, null)).isNull();
    }

    @Test
    void aStoredReasonReadsBackWithItsParameters() {
        Reason reason = Reason.of("webhook.httpStatus", "status", 503, "url", "https://erp.example.com/hook");

        Reason read = Reason.stored(reason.code(), reason.paramsJson(), reason.text());

        assertThat(read).isEqualTo(reason);
        assertThat(read.in(Languages.ITALIAN)).isEqualTo("HTTP 503 da https://erp.example.com/hook");
    }

    private static Set<String> codesInCode() throws IOException {
        Set<String> codes = new TreeSet<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(CODE)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).toList();
        }
        for (Path source : sources) {
            Matcher code = CODE_LITERAL.matcher(Files.readString(source));
            while (code.find()) {
                codes.add(code.group(1));
            }
        }
        return codes;
    }

    private static Map<String, String> reasonKeys(String language) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(BUNDLES.resolve("translations_" + language + ".properties"),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        Map<String, String> reasons = new TreeMap<>();
        properties.stringPropertyNames().stream().filter(key -> key.startsWith("reason."))
                .forEach(key -> reasons.put(key.substring("reason.".length()), properties.getProperty(key)));
        return reasons;
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher placeholder = PLACEHOLDER.matcher(text);
        while (placeholder.find()) {
            names.add(placeholder.group(1));
        }
        return names;
    }
}
