package com.flowstate.action.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class EmailRendererTest {

    private final EmailRenderer renderer = new EmailRenderer();

    @Test
    void escapesHtmlOnlyInTheHtmlBody() {
        var template = template("t", "Ciao {{customer.name}}", "<p>{{customer.name}}</p>",
                "Ciao {{customer.name}}");

        RenderedEmail email = renderer.render(template, "it", Map.of("customer", Map.of("name", "Rossi & <Figli>")));

        assertThat(email.subject()).isEqualTo("Ciao Rossi & <Figli>");
        assertThat(email.bodyHtml()).isEqualTo("<p>Rossi &amp; &lt;Figli&gt;</p>");
        assertThat(email.bodyText()).isEqualTo("Ciao Rossi & <Figli>");
    }

    @Test
    void rendersAMissingValueEmpty() {
        var template = template("t", "Installatore: {{installer.name}}", "x", "x");

        assertThat(renderer.render(template, "it", Map.of()).subject()).isEqualTo("Installatore:");
    }

    @Test
    void aBrokenTemplateFailsWithItsName() {
        var template = template("offer", "{{#open}} never closed", "x", "x");

        assertThatThrownBy(() -> renderer.render(template, "it", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Template 'offer' cannot be rendered");
    }

    @Test
    void aCustomerGetsTheirLanguageElseItalianElseAnyVariant() {
        var italian = new EmailTemplateVariant("Benvenuto", "<p>Benvenuto</p>", "Benvenuto");
        var spanish = new EmailTemplateVariant("Bienvenido", "<p>Bienvenido</p>", "Bienvenido");
        var english = new EmailTemplateVariant("Welcome", "<p>Welcome</p>", "Welcome");

        assertThat(renderer.render(new EmailTemplate(1, "w", Map.of("it", italian, "es", spanish)), "es", Map.of())
                .subject()).isEqualTo("Bienvenido");
        assertThat(renderer.render(new EmailTemplate(1, "w", Map.of("it", italian, "es", spanish)), "en", Map.of())
                .subject()).isEqualTo("Benvenuto");
        assertThat(renderer.render(new EmailTemplate(1, "w", Map.of("en", english, "es", spanish)), "it", Map.of())
                .subject()).isEqualTo("Welcome");
    }

    @Test
    void thePreviewIsOneShortLine() {
        var email = new RenderedEmail("s", "h", "Gentile cliente,\n\n" + "molto testo ".repeat(50));

        assertThat(email.preview()).doesNotContain("\n").hasSizeLessThanOrEqualTo(240).endsWith("…");
    }

    private static EmailTemplate template(String name, String subject, String html, String text) {
        return new EmailTemplate(1, name, Map.of("it", new EmailTemplateVariant(subject, html, text)));
    }
}
