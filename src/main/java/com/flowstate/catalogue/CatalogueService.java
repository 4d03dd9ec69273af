package com.flowstate.catalogue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import com.flowstate.action.activity.ActivityType;
import com.flowstate.action.activity.AssigneeRole;
import com.flowstate.action.assignment.PartnerRole;
import com.flowstate.action.email.EmailTemplateService;
import com.flowstate.action.email.RecipientRole;
import com.flowstate.action.export.ExportTemplate;
import com.flowstate.action.export.ExportTemplateService;
import com.flowstate.action.report.ReportTemplate;
import com.flowstate.action.report.ReportTemplateService;
import com.flowstate.flow.SubstateChangeType;
import com.flowstate.flow.Trigger;
import com.flowstate.mail.SmtpCredential;
import com.flowstate.mail.SmtpCredentialService;

/**
 * The reference lists of the catalogue, by the name that is their URL ({@code email-templates}, {@code
 * smtp-accounts}…). Configured data is read from its owner's service on every call; fixed values from the owner's
 * enum, so a value added there is listed at once (a value without a description here does not compile). Designers
 * and admins only: nothing here is secret, but partners and internal users have no use for it.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'DESIGNER')")
public class CatalogueService {

    private final Map<String, Catalogue> lists = new LinkedHashMap<>();

    CatalogueService(EmailTemplateService emailTemplates, ReportTemplateService reportTemplates,
                     ExportTemplateService exportTemplates, SmtpCredentialService smtpAccounts) {
        add("email-templates", "E-mail templates: the 'template' input of Send e-mail",
                () -> emailTemplates.findAll().stream()
                        .map(template -> new CatalogueEntry(template.name(), "Subject: " + template.subject()))
                        .toList());
        add("report-templates", "Report templates (.docx): the 'reportTemplate' input of Send report",
                () -> reportTemplates.findAll().stream().map(CatalogueService::entry).toList());
        add("export-templates", "Export templates: the 'exportTemplate' input of Export",
                () -> exportTemplates.findAll().stream().map(CatalogueService::entry).toList());
        add("smtp-accounts", "SMTP accounts: the 'smtpCredential' input of Send e-mail and Send report",
                () -> smtpAccounts.findAll().stream().map(CatalogueService::entry).toList());
        add("activity-types", "Activity types: the 'activityType' input of Create activity",
                () -> entries(ActivityType.values(), CatalogueService::describe));
        add("recipient-roles", "Who on the opportunity an e-mail or report goes to: the 'recipientRole' input of "
                + "Send e-mail and Send report", () -> entries(RecipientRole.values(), CatalogueService::describe));
        add("assignee-roles", "Who an activity is for: the 'assigneeRole' input of Create activity",
                () -> entries(AssigneeRole.values(), CatalogueService::describe));
        add("partner-roles", "The role a partner company fills: the 'role' input of Assign installer / seller",
                () -> entries(PartnerRole.values(), CatalogueService::describe));
        add("change-types", "What Open / close substate does: its 'changeType' input",
                () -> entries(SubstateChangeType.values(), CatalogueService::describe));
        add("triggers", "When an action runs, from where it sits in its substate (not an input: shown in the "
                + "history tabs and as {{trigger}} in templates)",
                () -> entries(Trigger.values(), CatalogueService::describe));
    }

    /** The lists there are, each with what it holds and where a flow uses it. */
    public List<CatalogueEntry> lists() {
        return lists.entrySet().stream()
                .map(list -> new CatalogueEntry(list.getKey(), list.getValue().description())).toList();
    }

    /**
     * The values of one list, in name order for configured data, in their natural order for fixed ones.
     *
     * @throws UnknownCatalogueListException naming the known lists
     */
    public List<CatalogueEntry> entries(String list) {
        Catalogue catalogue = list == null ? null : lists.get(list.strip());
        if (catalogue == null) {
            throw new UnknownCatalogueListException(list, lists.keySet());
        }
        return catalogue.entries().get();
    }

    private void add(String name, String description, Supplier<List<CatalogueEntry>> entries) {
        lists.put(name, new Catalogue(description, entries));
    }

    private record Catalogue(String description, Supplier<List<CatalogueEntry>> entries) {
    }

    private static <E extends Enum<E>> List<CatalogueEntry> entries(E[] values, Function<E, String> description) {
        return Arrays.stream(values).map(value -> new CatalogueEntry(value.name(), description.apply(value))).toList();
    }

    private static CatalogueEntry entry(ReportTemplate template) {
        return new CatalogueEntry(template.name(), ".docx, " + Math.max(1, template.size() / 1024) + " KB, updated "
                + template.updatedAt());
    }

    private static CatalogueEntry entry(ExportTemplate template) {
        String description = template.exportType() + " as " + template.extension() + " to "
                + template.recipient() + " through " + template.smtpCredentialName()
                + (template.isScheduled() ? "; also runs on its own schedule (" + template.scheduleCron() + ")" : "");
        return new CatalogueEntry(template.name(), description);
    }

    /** Name, host and sender only: never the username or the password. */
    private static CatalogueEntry entry(SmtpCredential account) {
        return new CatalogueEntry(account.name(), "Host " + account.host() + ", from " + account.fromAddress());
    }

    private static String describe(ActivityType type) {
        return switch (type) {
            case CALL -> "Call the customer";
            case VISIT -> "Visit the customer";
            case TECHNICAL_SURVEY -> "Technical survey of the site";
            case DOCUMENT_REQUEST -> "Ask the customer for documents";
            case FOLLOW_UP -> "Get back to the customer";
        };
    }

    private static String describe(RecipientRole role) {
        return switch (role) {
            case CUSTOMER -> "The opportunity's customer";
            case INSTALLER -> "The installer company assigned to the opportunity";
            case SELLER -> "The seller company assigned to the opportunity";
            case INTERNAL_USER -> "The opportunity's internal owner";
        };
    }

    private static String describe(AssigneeRole role) {
        return switch (role) {
            case INTERNAL_USER -> "The opportunity's internal owner";
            case INSTALLER -> "The installer company assigned to the opportunity (each of its users sees it)";
            case SELLER -> "The seller company assigned to the opportunity (each of its users sees it)";
        };
    }

    private static String describe(PartnerRole role) {
        return switch (role) {
            case INSTALLER -> "Assign an installer company (zone match, then least loaded, then round-robin)";
            case SELLER -> "Assign a seller company (zone match, then least loaded, then round-robin)";
        };
    }

    private static String describe(SubstateChangeType type) {
        return switch (type) {
            case OPEN -> "Open the target substate (refused if it is already open)";
            case CLOSE -> "Close the target substate (refused if it is not open)";
        };
    }

    private static String describe(Trigger trigger) {
        return switch (trigger) {
            case OPEN -> "Before the substate's wait state: runs when the substate opens";
            case CLOSE -> "After the wait state: runs when the substate closes";
            case SCHEDULED -> "Inside a timer event sub-process of the substate: runs a set time after it opened";
            case PROCESS -> "Outside any substate: runs when the flow reaches it";
        };
    }
}
