package com.flowstate.action.export;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.flowstate.flow.ScheduledActions;
import com.flowstate.mail.MailDeliveryException;
import com.flowstate.mail.SmtpMailer;

/** Export templates, referenced by name from the flows and run on their own schedule when they have one. */
@Service
public class ExportTemplateService {

    private static final String SELECT = """
            select name, export_type, columns, filter, extension, recipient, smtp_credential_name, schedule_cron,
                   max_rows
            from export_template
            """;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ExportTemplateService(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Creates the template, or replaces the one with the same name, and (re)deploys or suspends its schedule in the
     * same transaction: a template whose schedule cannot be deployed is not saved either.
     *
     * @throws IllegalArgumentException naming what is wrong: an unknown column, a filter the type does not have, a
     *                                  recipient that is neither a role nor an address, a cron Camunda cannot read,
     *                                  or a schedule for a recipient that needs an opportunity
     */
    @Transactional
    public ExportTemplate save(ExportTemplate template) {
        validate(template);
        long id = jdbc.sql("""
                        insert into export_template (name, export_type, columns, filter, extension, recipient,
                                                     smtp_credential_name, schedule_cron, max_rows)
                        values (?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?)
                        on conflict (name) do update set export_type = excluded.export_type,
                            columns = excluded.columns, filter = excluded.filter, extension = excluded.extension,
                            recipient = excluded.recipient, smtp_credential_name = excluded.smtp_credential_name,
                            schedule_cron = excluded.schedule_cron, max_rows = excluded.max_rows,
                            updated_at = now()
                        returning id""")
                .params(template.name().strip(), template.exportType().name(),
                        template.columns().stream().map(String::strip).toArray(String[]::new),
                        template.filter().toJson(), template.extension().name(), template.recipient().strip(),
                        template.smtpCredentialName().strip(), template.scheduleCron(), template.maxRows())
                .query(Long.class).single();
        ExportTemplate saved = findByName(template.name().strip()).orElseThrow();
        events.publishEvent(new ExportTemplateSaved(id, saved));
        return saved;
    }

    @Transactional(readOnly = true)
    public Optional<ExportTemplate> findByName(String name) {
        return jdbc.sql(SELECT + "where name = ?").param(name).query(ExportTemplateService::map).optional();
    }

    @Transactional(readOnly = true)
    public List<ExportTemplate> findAll() {
        return jdbc.sql(SELECT + "order by name").query(ExportTemplateService::map).list();
    }

    private void validate(ExportTemplate template) {
        require(template.name(), "name");
        if (template.exportType() == null) {
            throw new IllegalArgumentException("An export template needs an export type");
        }
        if (template.extension() == null) {
            throw new IllegalArgumentException("An export template needs an extension (CSV or XLSX)");
        }
        require(template.smtpCredentialName(), "SMTP credentials");
        require(template.recipient(), "recipient");
        ExportDataset.of(template.exportType()).select(template.columns());
        List<String> filterProblems = template.filter().problemsFor(template.exportType());
        if (!filterProblems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", filterProblems));
        }
        boolean role = ExportRecipientRole.parse(template.recipient()).isPresent();
        if (!role) {
            try {
                SmtpMailer.requireValidAddress(template.recipient().strip());
            } catch (MailDeliveryException e) {
                throw new IllegalArgumentException("Recipient '" + template.recipient() + "' is neither a role "
                        + Arrays.toString(ExportRecipientRole.values()) + " nor a valid e-mail address", e);
            }
        }
        if (template.isScheduled()) {
            if (role) {
                throw new IllegalArgumentException("A scheduled export runs outside any opportunity: its recipient "
                        + "must be an e-mail address, not the role " + template.recipient().strip());
            }
            ScheduledActions.checkCron(template.scheduleCron());
        }
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("An export template needs a " + what);
        }
    }

    private static ExportTemplate map(ResultSet rs, int row) throws SQLException {
        Array columns = rs.getArray("columns");
        return new ExportTemplate(rs.getString("name"), ExportType.valueOf(rs.getString("export_type")),
                columns == null ? List.of() : List.of((String[]) columns.getArray()),
                ExportFilter.fromJson(rs.getString("filter")), ExportExtension.valueOf(rs.getString("extension")),
                rs.getString("recipient"), rs.getString("smtp_credential_name"), rs.getString("schedule_cron"),
                rs.getObject("max_rows", Integer.class));
    }
}
