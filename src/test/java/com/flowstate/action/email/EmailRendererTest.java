package com.flowstate.action.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class EmailRendererTest {

    private final EmailRenderer renderer = new EmailRenderer();

    @Test
    void escapesHtmlOnlyInTheHtmlBody() {
        var template = new EmailTemplate(1, "t", "Ciao {{customer.name}}", "<p>{{customer.name}}</p>",
                "Ciao {{customer.name}}");

        RenderedEmail email = renderer.render(template, Map.of("customer", Map.of("name", "Rossi & <Figli>")));

        assertThat(email.subject()).isEqualTo("Ciao Rossi & <Figli>");
        assertThat(email.bodyHtml()).isEqualTo("<p>Rossi &amp; &lt;Figli&gt;</p>");
        assertThat(email.bodyText()).isEqualTo("Ciao Rossi & <Figli>");
    }

    @Test
    void rendersAMissingValueEmpty() {
        var template = new EmailTemplate(1, "t", "Installatore: {{installer.name}}", "x", "x");

        assertThat(renderer.render(template, Map.of()).subject()).isEqualTo("Installatore:");
    }

    @Test
    void aBrokenTemplateFailsWithItsName() {
        var template = new EmailTemplate(1, "offer", "{{#open}} never closed", "x", "x");

        assertThatThrownBy(() -> renderer.render(template, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Template 'offer' cannot be rendered");
    }

    @Test
    void thePreviewIsOneShortLine() {
        var email = new RenderedEmail("s", "h", "Gentile cliente,\n\n" + "molto testo ".repeat(50));

        assertThat(email.preview()).doesNotContain("\n").hasSizeLessThanOrEqualTo(240).endsWith("…");
    }
}
