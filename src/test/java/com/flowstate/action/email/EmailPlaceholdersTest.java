package com.flowstate.action.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class EmailPlaceholdersTest {

    private final EmailPlaceholders placeholders = new EmailPlaceholders();

    @Test
    void listsEveryValueTheSentEmailsModelHas() {
        assertThat(placeholders.all()).contains("customer.name", "customer.email", "opportunity.postalCode",
                "installer.name", "seller.email", "owner.name", "substate.name", "trigger")
                .doesNotContain("customer", "opportunity");
    }

    @Test
    void acceptsKnownPlaceholdersAndSectionsOverThem() {
        assertThat(placeholders.problems("variants.it.bodyText", "it",
                "Ciao {{customer.name}}\n{{#installer}}{{name}}{{/installer}}{{^seller.name}}-{{/seller.name}}"))
                .isEmpty();
    }

    @Test
    void namesAnUnknownPlaceholderWithItsLanguageAndLine() {
        List<EmailTemplateProblem> problems = placeholders.problems("variants.es.bodyHtml", "es",
                "<p>Hola</p>\n<p>{{customer.nmae}}</p>");

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("variants.es.bodyHtml");
            assertThat(problem.reason().code()).isEqualTo("emailTemplate.unknownPlaceholder");
            assertThat(problem.reason().params()).containsEntry("placeholder", "customer.nmae")
                    .containsEntry("language", "es").containsEntry("line", "2");
        });
    }

    @Test
    void namesBrokenSyntaxWithItsLine() {
        List<EmailTemplateProblem> problems = placeholders.problems("variants.it.subject", "it",
                "Ciao\n\n{{#customer}} never closed");

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.reason().code()).isEqualTo("emailTemplate.syntax");
            assertThat(problem.reason().params()).containsEntry("language", "it").containsKey("line");
        });
    }
}
