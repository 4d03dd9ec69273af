package com.flowstate.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The UI's translations stay in step: Italian, English and Spanish have the same keys, and every key is used by the
 * code, either literally or as a prefix the code completes with a value (e.g. {@code "history.state." + status}).
 */
class TranslationsTest {

    private static final Path BUNDLES = Path.of("src/main/resources/vaadin-i18n");
    private static final Path CODE = Path.of("src/main/java");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"([A-Za-z][A-Za-z0-9_.]*)\"");

    @Test
    void everyLanguageHasTheSameKeys() throws IOException {
        Set<String> italian = keys("translations_it.properties");

        assertThat(keys("translations_en.properties")).as("English").isEqualTo(italian);
        assertThat(keys("translations_es.properties")).as("Spanish").isEqualTo(italian);
    }

    @Test
    void thereIsOneBundlePerLanguageAndNoCopyOfOne() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList()).containsExactly(
                    "translations_en.properties", "translations_es.properties", "translations_it.properties");
        }
    }

    @Test
    void everyKeyIsUsedByTheCode() throws IOException {
        Set<String> literals = literalsInCode();
        Set<String> unused = new TreeSet<>();
        for (String key : keys("translations_it.properties")) {
            String prefix = key.substring(0, key.lastIndexOf('.') + 1);
            // A reason's text is reason.<code>, the code a literal of its own (ReasonTest checks them both ways).
            boolean reasonCode = key.startsWith("reason.") && literals.contains(key.substring("reason.".length()));
            if (!literals.contains(key) && !literals.contains(prefix) && !reasonCode) {
                unused.add(key);
            }
        }

        assertThat(unused).as("keys no code uses").isEmpty();
    }

    private static Set<String> keys(String file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(BUNDLES.resolve(file), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }

    private static Set<String> literalsInCode() throws IOException {
        Set<String> literals = new HashSet<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(CODE)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).toList();
        }
        for (Path source : sources) {
            Matcher literal = STRING_LITERAL.matcher(Files.readString(source));
            while (literal.find()) {
                literals.add(literal.group(1));
            }
        }
        return literals;
    }
}
