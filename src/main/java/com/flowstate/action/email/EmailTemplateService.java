package com.flowstate.action.email;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.flowstate.action.TemplateContext;
import com.flowstate.audit.AuditArea;
import com.flowstate.audit.AuditChange;
import com.flowstate.audit.AuditTrail;
import com.flowstate.flow.ActionDefinition;
import com.flowstate.flow.FlowReferences;
import com.flowstate.flow.Trigger;
import com.flowstate.i18n.Reason;
import com.flowstate.opportunity.CustomerLanguages;
import com.flowstate.opportunity.OpenSubstate;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.opportunity.OpportunityService;
import com.flowstate.security.PartnerScope;

/**
 * E-mail templates, referenced by name from the flows: one variant per language (it, en, es). Admins create, edit,
 * preview and delete them; every change is checked (Mustache syntax, placeholders the model has) and audited.
 */
@Service
public class EmailTemplateService {

    private static final String ADMIN = "hasRole('ADMIN')";
    private static final String SEND_EMAIL_ACTION = "sendEmailAction";
    private static final String TEMPLATE_PARAMETER = "template";
    private static final int MAX_NAME = 200;

    private final JdbcClient jdbc;
    private final EmailRenderer renderer;
    private final EmailPlaceholders placeholders;
    private final AuditTrail audit;
    private final FlowReferences flows;
    private final OpportunityService opportunities;

    EmailTemplateService(JdbcClient jdbc, EmailRenderer renderer, EmailPlaceholders placeholders, AuditTrail audit,
                         FlowReferences flows, OpportunityService opportunities) {
        this.jdbc = jdbc;
        this.renderer = renderer;
        this.placeholders = placeholders;
        this.audit = audit;
        this.flows = flows;
        this.opportunities = opportunities;
    }

    /**
     * Creates the template with this Italian text, or replaces the Italian text of the one with the same name (its
     * other languages stay). For seeding: demo data and tests.
     *
     * @throws IllegalArgumentException when subject or a body is not valid Mustache
     */
    @Transactional
    public EmailTemplate save(String name, String subject, String bodyHtml, String bodyText) {
        renderer.check(subject, bodyHtml, bodyText);
        Optional<EmailTemplate> before = findByName(name);
        Map<String, EmailTemplateVariant> variants = new LinkedHashMap<>(
                before.map(EmailTemplate::variants).orElse(Map.of()));
        variants.put(CustomerLanguages.DEFAULT, new EmailTemplateVariant(subject, bodyHtml, bodyText));
        EmailTemplateDraft draft = new EmailTemplateDraft(name, variants);
        if (before.isPresent()) {
            if (!before.get().variants().equals(variants)) {
                write(before.get().id(), draft);
                audit.record(AuditArea.EMAIL_TEMPLATE, name, AuditChange.UPDATED, snapshot(before.get()),
                        snapshot(draft));
            }
            return findByName(name).orElseThrow();
        }
        long id = insert(draft);
        audit.record(AuditArea.EMAIL_TEMPLATE, name, AuditChange.CREATED, null, snapshot(draft));
        return get(id);
    }

    @Transactional(readOnly = true)
    public Optional<EmailTemplate> findByName(String name) {
        return jdbc.sql("select id from email_template where name = ?").param(name).query(Long.class).optional()
                .map(this::get);
    }

    @Transactional(readOnly = true)
    public List<EmailTemplate> findAll() {
        return list(null, 0, Integer.MAX_VALUE);
    }

    /** A page of templates by name, those whose name contains {@code text} (any case) when it is given. */
    @Transactional(readOnly = true)
    @PreAuthorize(ADMIN)
    public List<EmailTemplate> page(String text, int offset, int limit) {
        return list(text, Math.max(offset, 0), Math.min(Math.max(limit, 1), 500));
    }

    /** How many templates {@link #page} can list for {@code text}. */
    @Transactional(readOnly = true)
    @PreAuthorize(ADMIN)
    public int count(String text) {
        return jdbc.sql("select count(*) from email_template where (cast(:text as text) is null or name ilike :text)")
                .param("text", like(text)).query(Integer.class).single();
    }

    /**
     * One template.
     *
     * @throws EmailTemplateNotFoundException when there is none with this id
     */
    @Transactional(readOnly = true)
    @PreAuthorize(ADMIN)
    public EmailTemplate require(long id) {
        return find(id).orElseThrow(() -> new EmailTemplateNotFoundException(id));
    }

    /**
     * Creates a template.
     *
     * @throws InvalidEmailTemplateException naming each field that is wrong (a name taken, a language that is not it,
     *                                       en or es, broken Mustache, a placeholder the model does not have)
     */
    @Transactional
    @PreAuthorize(ADMIN)
    public EmailTemplate create(EmailTemplateDraft draft) {
        EmailTemplateDraft valid = validated(draft, null);
        long id = insert(valid);
        audit.record(AuditArea.EMAIL_TEMPLATE, valid.name(), AuditChange.CREATED, null, snapshot(valid));
        return get(id);
    }

    /**
     * Replaces a template's name and variants (a language left out is removed). A template that deployed flows use
     * keeps its name: they refer to it by name.
     *
     * @throws EmailTemplateNotFoundException when there is none with this id
     * @throws InvalidEmailTemplateException  naming each field that is wrong
     */
    @Transactional
    @PreAuthorize(ADMIN)
    public EmailTemplate update(long id, EmailTemplateDraft draft) {
        EmailTemplate before = require(id);
        EmailTemplateDraft valid = validated(draft, before);
        if (!before.name().equals(valid.name()) || !before.variants().equals(valid.variants())) {
            write(id, valid);
            audit.record(AuditArea.EMAIL_TEMPLATE, valid.name(), AuditChange.UPDATED, snapshot(before),
                    snapshot(valid));
        }
        return get(id);
    }

    /**
     * Deletes a template no deployed flow uses.
     *
     * @throws EmailTemplateNotFoundException when there is none with this id
     * @throws EmailTemplateInUseException    naming the flows that send it
     */
    @Transactional
    @PreAuthorize(ADMIN)
    public void delete(long id) {
        EmailTemplate before = require(id);
        List<String> users = flowsSending(before.name());
        if (!users.isEmpty()) {
            throw new EmailTemplateInUseException(before.name(), users);
        }
        jdbc.sql("delete from email_template where id = ?").param(id).update();
        audit.record(AuditArea.EMAIL_TEMPLATE, before.name(), AuditChange.DELETED, snapshot(before), null);
    }

    /** The deployed flows that send this template, by their names. */
    private List<String> flowsSending(String name) {
        return flows.namesOfFlowsUsing(SEND_EMAIL_ACTION, TEMPLATE_PARAMETER, name);
    }

    /** Every placeholder a template can use, as written between the braces. */
    public List<String> placeholders() {
        return placeholders.all();
    }

    /**
     * One variant, saved or not, filled in for an opportunity as the e-mail action would (its first open substate
     * as the substate, trigger OPEN).
     *
     * @throws InvalidEmailTemplateException when the variant is broken (at {@code variants.<language>.…})
     * @throws com.flowstate.opportunity.OpportunityNotFoundException when there is no such opportunity
     */
    @Transactional(readOnly = true)
    @PreAuthorize(ADMIN)
    public RenderedEmail preview(String language, EmailTemplateVariant variant, long opportunityId) {
        List<EmailTemplateProblem> problems = new ArrayList<>();
        String lang = language != null && CustomerLanguages.ALL.contains(language) ? language : CustomerLanguages.DEFAULT;
        checkVariant(lang, variant, problems);
        if (!problems.isEmpty()) {
            throw new InvalidEmailTemplateException(problems);
        }
        Opportunity opportunity = opportunities.get(PartnerScope.everything(), opportunityId);
        List<OpenSubstate> open = opportunities.openSubstates(PartnerScope.everything(), opportunityId);
        OpenSubstate substate = open.isEmpty() ? null : open.get(0);
        var action = new ActionDefinition(SEND_EMAIL_ACTION, "Preview", "Preview",
                substate == null ? null : substate.key(), substate == null ? null : substate.name(), Trigger.OPEN,
                Map.of());
        return renderer.render(variant, TemplateContext.of(opportunity, action));
    }

    private EmailTemplateDraft validated(EmailTemplateDraft draft, EmailTemplate existing) {
        List<EmailTemplateProblem> problems = new ArrayList<>();
        String name = draft == null || draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty()) {
            problems.add(problem("name", "emailTemplate.nameRequired"));
        } else if (name.length() > MAX_NAME || name.indexOf('\0') >= 0) {
            problems.add(problem("name", "emailTemplate.nameInvalid", "max", MAX_NAME));
        } else if (jdbc.sql("select count(*) from email_template where name = ? and id <> ?")
                .params(name, existing == null ? -1 : existing.id()).query(Integer.class).single() > 0) {
            problems.add(problem("name", "emailTemplate.nameTaken", "name", name));
        } else if (existing != null && !existing.name().equals(name)) {
            List<String> users = flowsSending(existing.name());
            if (!users.isEmpty()) {
                problems.add(problem("name", "emailTemplate.renameInUse", "flows", String.join(", ", users)));
            }
        }
        Map<String, EmailTemplateVariant> variants = new LinkedHashMap<>();
        Map<String, EmailTemplateVariant> given = draft == null || draft.variants() == null ? Map.of()
                : draft.variants();
        given.forEach((language, variant) -> {
            if (!CustomerLanguages.ALL.contains(language)) {
                problems.add(problem("variants", "emailTemplate.unknownLanguage", "language",
                        String.valueOf(language).replace('\0', '?'), "expected", String.join(", ", CustomerLanguages.ALL)));
            } else if (variant == null) {
                problems.add(problem("variants." + language, "emailTemplate.variantMissing", "language", language));
            } else {
                checkVariant(language, variant, problems);
            }
        });
        if (given.isEmpty()) {
            problems.add(problem("variants", "emailTemplate.noVariant"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidEmailTemplateException(problems);
        }
        CustomerLanguages.ALL.stream().filter(given::containsKey).forEach(language -> {
            EmailTemplateVariant variant = given.get(language);
            variants.put(language, new EmailTemplateVariant(variant.subject().strip(), variant.bodyHtml(),
                    variant.bodyText()));
        });
        return new EmailTemplateDraft(name, variants);
    }

    private void checkVariant(String language, EmailTemplateVariant variant, List<EmailTemplateProblem> problems) {
        text(language, "subject", variant.subject(), EmailTemplateVariant.MAX_SUBJECT, true, problems);
        text(language, "bodyHtml", variant.bodyHtml(), EmailTemplateVariant.MAX_BODY, true, problems);
        text(language, "bodyText", variant.bodyText(), EmailTemplateVariant.MAX_BODY, false, problems);
    }

    private void text(String language, String part, String value, int max, boolean required,
                      List<EmailTemplateProblem> problems) {
        String field = "variants." + language + "." + part;
        if (value == null || value.isBlank()) {
            if (required || value == null) {
                problems.add(problem(field, "emailTemplate.textRequired", "language", language));
            }
        } else if (value.length() > max) {
            problems.add(problem(field, "emailTemplate.textTooLong", "language", language, "max", max));
        } else if (value.indexOf('\0') >= 0) {
            problems.add(problem(field, "emailTemplate.nulCharacter", "language", language));
        } else {
            problems.addAll(placeholders.problems(field, language, value));
        }
    }

    private static EmailTemplateProblem problem(String field, String code, Object... params) {
        return new EmailTemplateProblem(field, Reason.of(code, params));
    }

    private List<EmailTemplate> list(String text, int offset, int limit) {
        List<Long> ids = jdbc.sql("""
                        select id from email_template where (cast(:text as text) is null or name ilike :text)
                        order by name, id offset :offset limit :limit""")
                .param("text", like(text)).param("offset", offset).param("limit", limit)
                .query(Long.class).list();
        return assemble(ids);
    }

    private List<EmailTemplate> assemble(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<String, EmailTemplateVariant>> variants = new LinkedHashMap<>();
        jdbc.sql("""
                        select template_id, language, subject, body_html, body_text from email_template_variant
                        where template_id in (:ids)""")
                .param("ids", ids)
                .query((rs, row) -> variants.computeIfAbsent(rs.getLong("template_id"), id -> new LinkedHashMap<>())
                        .put(rs.getString("language"), new EmailTemplateVariant(rs.getString("subject"),
                                rs.getString("body_html"), rs.getString("body_text"))))
                .list();
        Map<Long, String> names = new LinkedHashMap<>();
        jdbc.sql("select id, name from email_template where id in (:ids)").param("ids", ids)
                .query((rs, row) -> names.put(rs.getLong("id"), rs.getString("name"))).list();
        return ids.stream().map(id -> new EmailTemplate(id, names.get(id), variants.getOrDefault(id, Map.of())))
                .toList();
    }

    private Optional<EmailTemplate> find(long id) {
        return assemble(List.of(id)).stream().filter(template -> template.name() != null).findFirst();
    }

    private EmailTemplate get(long id) {
        return find(id).orElseThrow(() -> new EmailTemplateNotFoundException(id));
    }

    private long insert(EmailTemplateDraft draft) {
        long id = jdbc.sql("insert into email_template (name) values (?) returning id").param(draft.name())
                .query(Long.class).single();
        insertVariants(id, draft.variants());
        return id;
    }

    private void write(long id, EmailTemplateDraft draft) {
        jdbc.sql("update email_template set name = ?, updated_at = now() where id = ?").params(draft.name(), id)
                .update();
        jdbc.sql("delete from email_template_variant where template_id = ?").param(id).update();
        insertVariants(id, draft.variants());
    }

    private void insertVariants(long id, Map<String, EmailTemplateVariant> variants) {
        variants.forEach((language, variant) -> jdbc.sql("""
                        insert into email_template_variant (template_id, language, subject, body_html, body_text)
                        values (?, ?, ?, ?, ?)""")
                .params(id, language, variant.subject(), variant.bodyHtml(), variant.bodyText()).update());
    }

    /** A template as the audit trail keeps it: its name and its texts by language (it, en, es order). */
    private static Map<String, Object> snapshot(EmailTemplate template) {
        return snapshot(new EmailTemplateDraft(template.name(), template.variants()));
    }

    private static Map<String, Object> snapshot(EmailTemplateDraft draft) {
        Map<String, Object> variants = new LinkedHashMap<>();
        CustomerLanguages.ALL.stream().filter(draft.variants()::containsKey)
                .forEach(language -> variants.put(language, draft.variants().get(language)));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", draft.name());
        fields.put("variants", variants);
        return fields;
    }

    private static String like(String text) {
        return text == null || text.isBlank() ? null : "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
    }
}
