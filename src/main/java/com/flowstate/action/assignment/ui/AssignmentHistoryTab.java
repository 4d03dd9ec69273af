package com.flowstate.action.assignment.ui;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;

import com.flowstate.action.assignment.AssignmentConflictException;
import com.flowstate.action.assignment.AssignmentCriterion;
import com.flowstate.action.assignment.AssignmentHistoryFilter;
import com.flowstate.action.assignment.AssignmentHistoryQuery;
import com.flowstate.action.assignment.AssignmentHistoryRow;
import com.flowstate.action.assignment.AssignmentNotFoundException;
import com.flowstate.action.assignment.AssignmentService;
import com.flowstate.action.assignment.AssignmentStatus;
import com.flowstate.action.assignment.AssignmentStrategy;
import com.flowstate.action.assignment.PartnerRole;
import com.flowstate.action.assignment.ZoneType;
import com.flowstate.history.ui.HistoryTab;
import com.flowstate.security.CurrentUser;
import com.flowstate.security.FlowstateUser;
import com.flowstate.security.Role;
import com.flowstate.ui.Notifications;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.HeaderRow;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The Assignment tab: every offer of an opportunity to an installer or seller, newest first, with its answer. Same
 * mechanics as the E-mail tab (keyset pages without a row count, filters and sort in SQL, the user's partner scope).
 * A partner user answers the offers pending for their company from here: accept, or reject with a reason, after
 * which the opportunity goes to the next candidate (a new row their company does not see).
 */
class AssignmentHistoryTab extends HistoryTab<AssignmentHistoryRow, AssignmentHistoryFilter> {

    private final AssignmentService assignments;
    private final AssignmentHistoryFilters filters = new AssignmentHistoryFilters(filterFields, getLocale());
    /** The company whose pending offers the user may answer; null for platform users. */
    private final Long answeringCompany;

    AssignmentHistoryTab(AssignmentHistoryQuery query, AssignmentService assignments) {
        super(query);
        this.assignments = assignments;
        this.answeringCompany = CurrentUser.get()
                .filter(user -> user.scope().isRestricted() && user.hasRole(Role.PARTNER))
                .map(FlowstateUser::companyId).orElse(null);
        build("assignment-history", "createdAt", "history.assignment.none", "history.assignment.empty",
                "history.assignment.clearFilters");
    }

    @Override
    protected void addColumns(HeaderRow filterRow) {
        filterRow.getCell(opportunityColumn("history.assignment.column.opportunity"))
                .setComponent(filters.opportunity());
        // One status: the action's while it runs or when it failed, the offer's answer once it was made.
        filterRow.getCell(wordStatusColumn(row -> new StatusWord(stateLabel(AssignmentState.of(row)),
                        AssignmentState.of(row).theme()), "history.assignment.column.status", "status"))
                .setComponent(filters.status());
        if (answeringCompany != null) {
            grid.addColumn(new ComponentRenderer<>(this::createAnswerButtons)).setKey("answer")
                    .setHeader(getTranslation("history.assignment.column.answer")).setAutoWidth(true)
                    .setFlexGrow(0);
        }
        filterRow.getCell(seedColumn(this::companyLabel, "assignedCompany", "history.assignment.column.company"))
                .setComponent(filters.assignedCompany());
        filterRow.getCell(seedColumn(row -> roleLabel(row.role()), "role", "history.assignment.column.role")
                .setWidth("8rem")).setComponent(filters.role());
        filterRow.getCell(createdAtColumn("history.assignment.column.createdAt")).setComponent(filters.dateRange());
        detailColumn(this::criterionLabel, "criterion", "history.assignment.column.criterion").setWidth("16rem");
        detailColumn(row -> format(row.assignedAt()), "assignedAt", "history.assignment.column.assignedAt")
                .setAutoWidth(true).setFlexGrow(0);
        attemptsColumn("history.assignment.column.attempts");
        lastErrorColumn("history.assignment.column.lastError").setWidth("16rem");
        substateColumn("history.assignment.column.substate", "history.assignment.trigger.");
    }

    @Override
    protected AssignmentHistoryFilter filter() {
        return filters.value();
    }

    /** The offer's answer in full (who, when, why) and the criterion: what the columns only summarise. */
    @Override
    protected Component details(AssignmentHistoryRow row) {
        return new Details("assignment")
                .value("history.assignment.column.status", stateLabel(AssignmentState.of(row)))
                .value("history.assignment.column.company", companyLabel(row))
                .value("history.assignment.column.criterion", criterionLabel(row))
                .value("history.assignment.column.decision", answerLabel(row))
                .value("history.assignment.column.substate", substateAndTrigger(row.substateName(),
                        row.substateKey(), row.trigger(), "history.assignment.trigger."))
                .withError(reasonText(row));
    }

    private String stateLabel(AssignmentState state) {
        return getTranslation("history.assignment.decision." + state.name());
    }

    /** Accept / reject on the pending offers made to the user's company; nothing on other rows. */
    private Component createAnswerButtons(AssignmentHistoryRow row) {
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.setSpacing(false);
        buttons.addClassName(LumoUtility.Gap.XSMALL);
        if (row.assignmentStatus() != AssignmentStatus.PENDING || !answeringCompany.equals(row.assignedCompanyId())) {
            return buttons;
        }
        Button accept = new Button(getTranslation("history.assignment.accept"), VaadinIcon.CHECK.create(),
                click -> answer(() -> assignments.accept(CurrentUser.require(), row.action().id()),
                        "history.assignment.acceptedNotice", row));
        accept.setId("assignment-accept-" + row.action().id());
        accept.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
        Button reject = new Button(getTranslation("history.assignment.reject"), VaadinIcon.CLOSE.create(),
                click -> new RejectAssignmentDialog(row, reason -> answer(
                        () -> assignments.reject(CurrentUser.require(), row.action().id(), reason),
                        "history.assignment.rejectedNotice", row)).open());
        reject.setId("assignment-reject-" + row.action().id());
        reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        buttons.add(accept, reject);
        return buttons;
    }

    private void answer(Runnable decision, String noticeKey, AssignmentHistoryRow row) {
        try {
            decision.run();
            Notifications.success(getTranslation(noticeKey, row.action().opportunityName()));
        } catch (AssignmentNotFoundException | AccessDeniedException e) {
            Notifications.error(getTranslation("history.assignment.notAllowed"));
        } catch (AssignmentConflictException e) {
            Notifications.error(getTranslation("history.assignment.alreadyDecided"));
        }
        refresh();
    }

    private String companyLabel(AssignmentHistoryRow row) {
        return row.assignedCompany() == null ? "" : row.assignedCompany();
    }

    /** A role the designer wrote that is not one of ours stays as written: it is why the row failed. */
    private String roleLabel(String role) {
        return PartnerRole.parse(role).map(known -> getTranslation("history.assignment.role." + known.name()))
                .orElse(role == null ? "" : role);
    }

    /** The criterion in the user's language, e.g. "provincia MI · meno carico (2 aperte) su 3 · a rotazione". */
    private String criterionLabel(AssignmentHistoryRow row) {
        List<String> parts = new ArrayList<>();
        if (row.afterRejection()) {
            parts.add(row.replacedCompany() == null ? getTranslation("history.assignment.criterion.afterRejection")
                    : getTranslation("history.assignment.criterion.afterRejectionBy", row.replacedCompany()));
        }
        AssignmentCriterion criterion = row.criterion();
        if (criterion != null) {
            if (criterion.zoneType() == ZoneType.EXISTING) {
                parts.add(getTranslation("history.assignment.criterion.existing"));
            } else {
                parts.add(getTranslation("history.assignment.criterion." + criterion.zoneType().name(),
                        criterion.zone()));
                parts.add(getTranslation(criterion.candidates() != null && criterion.candidates() == 1
                                ? "history.assignment.criterion.only" : strategyKey(criterion.strategyUsed()),
                        criterion.openOpportunities(), criterion.candidates()));
                if (Boolean.TRUE.equals(criterion.roundRobin())
                        && criterion.strategyUsed() != AssignmentStrategy.ROUND_ROBIN) {
                    parts.add(getTranslation("history.assignment.criterion.roundRobin"));
                }
            }
        }
        return String.join(" · ", parts);
    }

    /** The strategy that chose among several: "least loaded (2 open) of 3", "round-robin (…) of 3"… */
    private static String strategyKey(AssignmentStrategy strategy) {
        return strategy == AssignmentStrategy.LEAST_LOADED ? "history.assignment.criterion.leastLoaded"
                : "rules.criterion." + strategy.name();
    }

    /** Who answered and why they rejected, when they did. */
    private String answerLabel(AssignmentHistoryRow row) {
        if (row.decidedAt() == null) {
            return "";
        }
        String text = format(row.decidedAt());
        if (row.decidedByName() != null) {
            text += " · " + row.decidedByName();
        }
        if (row.rejectionReason() != null) {
            text += " · " + row.rejectionReason();
        }
        return text;
    }
}
