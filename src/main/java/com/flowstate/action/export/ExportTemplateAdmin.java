package com.flowstate.action.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.flowstate.action.TemplateFieldException;
import com.flowstate.action.TemplateInUseException;
import com.flowstate.action.TemplateNotFoundException;
import com.flowstate.audit.AuditArea;
import com.flowstate.audit.AuditChange;
import com.flowstate.audit.AuditTrail;
import com.flowstate.flow.CronSchedule;
import com.flowstate.flow.FlowReferences;
import com.flowstate.mail.MailDeliveryException;
import com.flowstate.mail.SmtpCredentialService;
import com.flowstate.mail.SmtpMailer;

/**
 * Export templates as admins manage them (issue 11): every field checked with the reason at that field, every change
 * recorded in the audit trail, a schedule change redeployed by {@link ExportSchedules} in the same transaction, and
 * no deletion of a template a deployed flow runs.
 */
@Service
public class ExportTemplateAdmin {

    /** How many upcoming runs of a schedule the admin sees. */
    public static final int NEXT_RUNS = 3;
    static final int NAME_MAX = 100;
    private static final int TEXT_MAX = 320;
    private static final int CRON_MAX = 120;

    private final ExportTemplateService templates;
    private final SmtpCredentialService credentials;
    private final FlowReferences flows;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final RunExportAction action;

    ExportTemplateAdmin(ExportTemplateService templates, SmtpCredentialService credentials,
                        FlowReferences flows, AuditTrail audit, JdbcClient jdbc,
                        ApplicationEventPublisher events, RunExportAction action) {
        this.action = action;
        this.templates = templates;
        this.credentials = credentials;
        this.flows = flows;
        this.audit = audit;
        this.jdbc = jdbc;
        this.events = events;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<ExportTemplate> list() {
        return templates.findAll();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Optional<ExportTemplate> find(String name) {
        return name == null ? Optional.empty() : templates.findByName(name);
    }

    /**
     * Creates a template.
     *
     * @throws TemplateFieldException naming the first field that is wrong, also when the name is taken
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public ExportTemplate create(ExportTemplate template) {
        validate(template);
        if (templates.findByName(template.name().strip()).isPresent()) {
            throw new TemplateFieldException("name", "template.nameTaken", "name", template.name().strip());
        }
        ExportTemplate saved = templates.save(template);
        audit.record(AuditArea.EXPORT_TEMPLATE, saved.name(), AuditChange.CREATED, null, saved);
        return saved;
    }

    /**
     * Changes the template of this name (the name itself stays: flows refer to it). A changed schedule is deployed,
     * a cleared one stops, in this transaction.
     *
     * @throws TemplateNotFoundException when there is none
     * @throws TemplateFieldException    naming the first field that is wrong
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public ExportTemplate update(String name, ExportTemplate changes) {
        ExportTemplate before = existing(name);
        ExportTemplate template = new ExportTemplate(before.name(), changes.exportType(), changes.columns(),
                changes.filter(), changes.extension(), changes.recipient(), changes.smtpCredentialName(),
                changes.scheduleCron(), changes.maxRows());
        validate(template);
        ExportTemplate saved = templates.save(template);
        if (!saved.equals(before)) {
            audit.record(AuditArea.EXPORT_TEMPLATE, saved.name(), AuditChange.UPDATED, before, saved);
        }
        return saved;
    }

    /**
     * Deletes the template and stops its schedule.
     *
     * @throws TemplateInUseException    when a deployed flow runs it
     * @throws TemplateNotFoundException when there is none
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void delete(String name) {
        ExportTemplate before = existing(name);
        List<String> using = flows.namesOfFlowsUsing(action.name(), RunExportAction.EXPORT_TEMPLATE, before.name());
        if (!using.isEmpty()) {
            throw new TemplateInUseException(before.name(), using);
        }
        long id = jdbc.sql("delete from export_template where name = ? returning id").param(before.name())
                .query(Long.class).single();
        events.publishEvent(new ExportTemplateDeleted(id, before.name()));
        audit.record(AuditArea.EXPORT_TEMPLATE, before.name(), AuditChange.DELETED, before, null);
    }

    /**
     * The next {@link #NEXT_RUNS} times a cron fires from now, as the engine computes them.
     *
     * @throws TemplateFieldException at {@code scheduleCron} when the engine cannot read it
     */
    public static List<Instant> nextRuns(String cron) {
        return nextRuns(cron, Instant.now());
    }

    /** As {@link #nextRuns(String)}, from a given instant. */
    public static List<Instant> nextRuns(String cron, Instant after) {
        checkCron(cron);
        return CronSchedule.nextRuns(cron.strip(), after, NEXT_RUNS);
    }

    /** Every export type with the columns and filters a template of it may use. */
    public static List<ExportTypeColumns> types() {
        return Arrays.stream(ExportType.values()).map(ExportTemplateAdmin::columnsOf).toList();
    }

    public static ExportTypeColumns columnsOf(ExportType type) {
        return new ExportTypeColumns(type, ExportDataset.of(type).columns().stream()
                .map(column -> new ExportTypeColumns.Column(column.key(), column.header())).toList(),
                ExportFilter.typeFields(type).stream().sorted().toList());
    }

    private ExportTemplate existing(String name) {
        return find(name).orElseThrow(() -> new TemplateNotFoundException("export template", name));
    }

    private void validate(ExportTemplate template) {
        String name = template.name();
        if (name == null || name.isBlank()) {
            throw new TemplateFieldException("name", "template.required");
        }
        TemplateFieldException.requireText("name", name, NAME_MAX);
        if (template.exportType() == null) {
            throw new TemplateFieldException("exportType", "template.required");
        }
        if (template.extension() == null) {
            throw new TemplateFieldException("extension", "template.required");
        }
        validateColumns(template);
        validateFilter(template);
        validateRecipient(template);
        String smtp = template.smtpCredentialName();
        if (smtp == null || smtp.isBlank()) {
            throw new TemplateFieldException("smtpCredentialName", "template.required");
        }
        TemplateFieldException.requireText("smtpCredentialName", smtp, NAME_MAX);
        if (credentials.findByName(smtp.strip()).isEmpty()) {
            throw new TemplateFieldException("smtpCredentialName", "exportTemplate.unknownSmtp", "name", smtp);
        }
        if (template.isScheduled()) {
            checkCron(template.scheduleCron());
        }
        if (template.maxRows() != null && template.maxRows() < 1) {
            throw new TemplateFieldException("maxRows", "exportTemplate.maxRows", "value", template.maxRows());
        }
    }

    private static void checkCron(String cron) {
        if (cron == null || cron.isBlank()) {
            throw new TemplateFieldException("scheduleCron", "template.required");
        }
        TemplateFieldException.requireText("scheduleCron", cron, CRON_MAX);
        try {
            CronSchedule.nextRuns(cron.strip(), Instant.now(), 1);
        } catch (RuntimeException e) {
            throw new TemplateFieldException("scheduleCron", "exportTemplate.invalidCron", "cron", cron.strip());
        }
    }

    private static void validateColumns(ExportTemplate template) {
        TemplateFieldException.requireTexts("columns", template.columns(), NAME_MAX);
        Set<String> known = new HashSet<>(ExportDataset.of(template.exportType()).columnKeys());
        Set<String> seen = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String column : template.columns()) {
            String key = column == null ? "" : column.strip();
            if (!known.contains(key)) {
                unknown.add(key);
            } else if (!seen.add(key)) {
                throw new TemplateFieldException("columns", "exportTemplate.duplicateColumn", "column", key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new TemplateFieldException("columns", "exportTemplate.unknownColumns",
                    "columns", String.join(", ", unknown), "type", template.exportType());
        }
    }

    private static void validateFilter(ExportTemplate template) {
        ExportFilter filter = template.filter();
        TemplateFieldException.requireTexts("filter.provinces", filter.provinces(), 10);
        TemplateFieldException.requireText("filter.openSubstate", filter.openSubstate(), NAME_MAX);
        TemplateFieldException.requireText("filter.activityType", filter.activityType(), NAME_MAX);
        TemplateFieldException.requireText("filter.template", filter.template(), NAME_MAX);
        if (filter.createdWithinDays() != null && filter.createdWithinDays() < 1) {
            throw new TemplateFieldException("filter.createdWithinDays", "exportTemplate.createdWithinDays",
                    "value", filter.createdWithinDays());
        }
        Set<String> allowed = ExportFilter.typeFields(template.exportType());
        refuseUnless(allowed, "openSubstate", ExportFilter.isSet(filter.openSubstate()), template.exportType());
        refuseUnless(allowed, "activityType", ExportFilter.isSet(filter.activityType()), template.exportType());
        refuseUnless(allowed, "completed", filter.completed() != null, template.exportType());
        refuseUnless(allowed, "status", filter.status() != null, template.exportType());
        refuseUnless(allowed, "template", ExportFilter.isSet(filter.template()), template.exportType());
    }

    private static void refuseUnless(Set<String> allowed, String field, boolean set, ExportType type) {
        if (set && !allowed.contains(field)) {
            throw new TemplateFieldException("filter." + field, "exportTemplate.filterNotForType",
                    "filter", field, "type", type);
        }
    }

    private static void validateRecipient(ExportTemplate template) {
        String recipient = template.recipient();
        if (recipient == null || recipient.isBlank()) {
            throw new TemplateFieldException("recipient", "template.required");
        }
        TemplateFieldException.requireText("recipient", recipient, TEXT_MAX);
        boolean role = ExportRecipientRole.parse(recipient).isPresent();
        if (!role) {
            try {
                SmtpMailer.requireValidAddress(recipient.strip());
            } catch (MailDeliveryException e) {
                throw new TemplateFieldException("recipient", "exportTemplate.badRecipient", "recipient",
                        recipient.strip(), "roles", Arrays.toString(ExportRecipientRole.values()));
            }
        } else if (template.isScheduled()) {
            throw new TemplateFieldException("recipient", "exportTemplate.scheduledRole", "role", recipient.strip());
        }
    }
}
