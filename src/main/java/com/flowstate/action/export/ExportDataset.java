package com.flowstate.action.export;

import static com.flowstate.action.export.ExportColumn.bool;
import static com.flowstate.action.export.ExportColumn.date;
import static com.flowstate.action.export.ExportColumn.number;
import static com.flowstate.action.export.ExportColumn.text;
import static com.flowstate.action.export.ExportColumn.timestamp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What an export type reads: the tables (always joining the opportunity as {@code o}, where the partner scope
 * applies), the columns a template may pick, and the columns its filters work on. Rows come out in id order, the
 * primary key's order, so a large export streams without a sort of the whole table where the planner can avoid it.
 */
record ExportDataset(ExportType type, String from, String idColumn, String createdColumn, List<ExportColumn> columns) {

    private static final String OPEN_SUBSTATES = """
            (select string_agg(coalesce(s.substate_name, s.substate_key), ', ' order by s.opened_at)
               from opportunity_substate s where s.opportunity_id = o.id and s.closed_at is null)""";

    private static final ExportDataset OPPORTUNITIES = new ExportDataset(ExportType.OPPORTUNITIES, """
            opportunity o
            join customer c on c.id = o.customer_id
            left join company i on i.id = o.installer_id
            left join company s on s.id = o.seller_id
            left join app_user u on u.id = o.owner_id""", "o.id", "o.created_at", List.of(
            number("id", "ID", "o.id"),
            text("opportunity", "Opportunità", "o.name"),
            text("customer", "Cliente", "c.name"),
            text("customerEmail", "E-mail cliente", "c.email"),
            text("customerPhone", "Telefono cliente", "c.phone"),
            text("street", "Indirizzo", "o.street"),
            text("city", "Città", "o.city"),
            text("postalCode", "CAP", "o.postal_code"),
            text("province", "Provincia", "o.province"),
            text("installer", "Installatore", "i.name"),
            text("seller", "Venditore", "s.name"),
            text("owner", "Referente interno", "u.display_name"),
            text("openSubstates", "Sottostati aperti", OPEN_SUBSTATES),
            timestamp("createdAt", "Creata il", "o.created_at")));

    private static final ExportDataset ACTIVITIES = new ExportDataset(ExportType.ACTIVITIES, """
            activity a
            join opportunity o on o.id = a.opportunity_id
            join customer c on c.id = o.customer_id
            left join app_user au on au.id = a.assignee_user_id
            left join company ac on ac.id = a.assignee_company_id""", "a.id", "a.created_at", List.of(
            number("id", "ID", "a.id"),
            text("opportunity", "Opportunità", "o.name"),
            text("customer", "Cliente", "c.name"),
            text("province", "Provincia", "o.province"),
            text("activityType", "Tipo attività", "a.type"),
            text("subject", "Oggetto", "a.subject"),
            date("dueDate", "Scadenza", "a.due_date"),
            text("assigneeRole", "Ruolo assegnatario", "a.assignee_role"),
            text("assignee", "Assegnata a", "coalesce(au.display_name, ac.name)"),
            bool("completed", "Completata", "(a.completed_at is not null)"),
            timestamp("completedAt", "Completata il", "a.completed_at"),
            timestamp("createdAt", "Creata il", "a.created_at")));

    private static final ExportDataset EMAIL_HISTORY = new ExportDataset(ExportType.EMAIL_HISTORY, """
            email_history h
            join opportunity o on o.id = h.opportunity_id
            join customer c on c.id = o.customer_id""", "h.id", "h.created_at", List.of(
            number("id", "ID", "h.id"),
            text("opportunity", "Opportunità", "o.name"),
            text("customer", "Cliente", "c.name"),
            text("province", "Provincia", "o.province"),
            text("template", "Modello", "h.template_name"),
            text("recipient", "E-mail destinatario", "h.recipient_email"),
            text("smtpCredential", "Credenziali SMTP", "h.smtp_credential_name"),
            bool("status", "Stato", "case h.status when 'SUCCEEDED' then true when 'FAILED' then false end"),
            text("state", "Esito", "h.status"),
            number("attempts", "Tentativi", "h.attempts"),
            text("lastError", "Ultimo errore", "h.last_error"),
            text("substate", "Sottostato", "coalesce(h.substate_name, h.substate_key)"),
            text("trigger", "Quando", "h.trigger"),
            text("subject", "Oggetto", "h.subject"),
            timestamp("createdAt", "Creata il", "h.created_at"),
            timestamp("sentAt", "Inviata il", "h.sent_at")));

    static ExportDataset of(ExportType type) {
        return switch (type) {
            case OPPORTUNITIES -> OPPORTUNITIES;
            case ACTIVITIES -> ACTIVITIES;
            case EMAIL_HISTORY -> EMAIL_HISTORY;
        };
    }

    List<String> columnKeys() {
        return columns.stream().map(ExportColumn::key).toList();
    }

    /**
     * The template's columns in its order; no keys = every column.
     *
     * @throws IllegalArgumentException naming the keys the type does not have, and the ones it has
     */
    List<ExportColumn> select(List<String> keys) {
        if (keys.isEmpty()) {
            return columns;
        }
        Map<String, ExportColumn> byKey = columns.stream()
                .collect(Collectors.toMap(ExportColumn::key, Function.identity()));
        List<ExportColumn> selected = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String key : keys) {
            ExportColumn column = byKey.get(key == null ? "" : key.strip());
            if (column == null) {
                unknown.add(key);
            } else {
                selected.add(column);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown columns " + unknown + " for " + type + " exports (known: "
                    + columnKeys() + ")");
        }
        return selected;
    }
}
