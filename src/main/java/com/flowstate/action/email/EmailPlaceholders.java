package com.flowstate.action.email;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.flowstate.action.TemplateContext;
import com.flowstate.flow.ActionDefinition;
import com.flowstate.flow.Trigger;
import com.flowstate.i18n.Reason;
import com.flowstate.opportunity.Opportunity;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;

/**
 * The placeholders an e-mail template can use, and the check that a template uses only those. The list is read off
 * the very model the e-mail action renders ({@link TemplateContext#of}), built for a sample opportunity, so it cannot
 * drift from what a sent e-mail sees.
 */
@Component
class EmailPlaceholders {

    private static final Pattern LINE = Pattern.compile("\\s*@\\s*line\\s+(\\d+)\\s*$");

    private final Mustache.Compiler compiler = Mustache.compiler().defaultValue("");
    private final List<String> placeholders;
    private final Set<String> known = new HashSet<>();

    EmailPlaceholders() {
        Set<String> names = new TreeSet<>();
        flatten("", TemplateContext.of(sampleOpportunity(), sampleAction()), names, known);
        this.placeholders = List.copyOf(names);
    }

    /** Every value a template can insert, as written between the braces ({@code customer.name}), sorted. */
    List<String> all() {
        return placeholders;
    }

    /**
     * What is wrong with one text of a template: broken Mustache syntax, or each placeholder the model does not have,
     * with the line it is on.
     */
    List<EmailTemplateProblem> problems(String field, String language, String source) {
        Template template;
        try {
            template = compiler.compile(source);
        } catch (MustacheException e) {
            return List.of(new EmailTemplateProblem(field, syntax(language, e)));
        }
        List<EmailTemplateProblem> problems = new ArrayList<>();
        Set<String> sections = new HashSet<>();
        Set<String> reported = new HashSet<>();
        template.visit(new Mustache.Visitor() {
            @Override
            public void visitText(String text) {
            }

            @Override
            public void visitVariable(String name) {
                check(name);
            }

            @Override
            public boolean visitInclude(String name) {
                unknown(name);
                return false;
            }

            @Override
            public boolean visitSection(String name) {
                check(name);
                sections.add(name);
                return true;
            }

            @Override
            public boolean visitInvertedSection(String name) {
                return visitSection(name);
            }

            private void check(String name) {
                boolean relative = ".".equals(name) || "this".equals(name)
                        || sections.stream().anyMatch(section -> known.contains(section + "." + name));
                if (!known.contains(name) && !relative) {
                    unknown(name);
                }
            }

            private void unknown(String name) {
                if (reported.add(name)) {
                    problems.add(new EmailTemplateProblem(field, Reason.of("emailTemplate.unknownPlaceholder",
                            "placeholder", name, "language", language, "line", lineOf(source, name))));
                }
            }
        });
        return problems;
    }

    private static Reason syntax(String language, MustacheException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Matcher line = LINE.matcher(message);
        String at = line.find() ? line.group(1) : "1";
        return Reason.of("emailTemplate.syntax", "language", language, "line", at,
                "detail", line.reset().replaceAll(""));
    }

    private static int lineOf(String source, String name) {
        Matcher tag = Pattern.compile("\\{\\{\\{?[#^&/>]?\\s*" + Pattern.quote(name) + "\\s*}?}}").matcher(source);
        if (!tag.find()) {
            return 1;
        }
        return (int) source.substring(0, tag.start()).chars().filter(c -> c == '\n').count() + 1;
    }

    private static void flatten(String prefix, Map<?, ?> model, Set<String> leaves, Set<String> all) {
        model.forEach((key, value) -> {
            String name = prefix + key;
            all.add(name);
            if (value instanceof Map<?, ?> nested) {
                flatten(name + ".", nested, leaves, all);
            } else {
                leaves.add(name);
            }
        });
    }

    /** Every field filled, so the model has every key it can have. */
    private static Opportunity sampleOpportunity() {
        return new Opportunity(1, "FV Rossi – MI", "Mario Rossi", "mario.rossi@example.com", "+39 333 1234567",
                "Via Roma 1", "Milano", "20121", "MI", 2L, "Installatore S.r.l.", "installatore@example.com", 3L,
                "Venditore S.r.l.", "venditore@example.com", "internal", "Giulia Conti", "giulia.conti@example.com",
                "process", Instant.EPOCH, "residential", "SolarSalesFlow", 1, "it");
    }

    private static ActionDefinition sampleAction() {
        return new ActionDefinition("sendEmailAction", "Preview", "Preview", "NewContact", "Nuovo contatto",
                Trigger.OPEN, Map.of());
    }
}
