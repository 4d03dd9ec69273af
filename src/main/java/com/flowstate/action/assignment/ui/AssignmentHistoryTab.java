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
import com.flowstate.action.assignment.PartnerRole;
import com.flowstate.action.assignment.ZoneType;
import com.flowstate.history.ActionStatus;
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
import com.vaadin.flow.data.renderer.LitRenderer;
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
        build("assignment-history", "createdAt", "history.assignment.empty", "history.assignment.clearFilters");
    }

    @Override
    protected void addColumns(HeaderRow filterRow) {
        filterRow.getCell(opportunityColumn("history.assignment.column.opportunity"))
                .setComponent(filters.opportunity());
        filterRow.getCell(seedColumn(this::companyLabel, "assignedCompany", "history.assignment.column.company"))
                .setComponent(filters.assignedCompany());
        filterRow.getCell(grid.addColumn(createDecisionRenderer())
                .setKey("status").setSortProperty("status").setSortable(true)
                .setHeader(getTranslation("history.assignment.column.status")).setAutoWidth(true).setResizable(true))
                .setComponent(filters.decision());
        if (answeringCompany != null) {
            grid.addColumn(new ComponentRenderer<>(this::createAnswerButtons)).setKey("answer")
                    .setHeader(getTranslation("history.assignment.column.answer")).setAutoWidth(true)
                    .setFlexGrow(0);
        }
        filterRow.getCell(seedColumn(row -> roleLabel(row.role()), "role", "history.assignment.column.role"))
                .setComponent(filters.role());
        detailColumn(this::criterionLabel, "criterion", "history.assignment.column.criterion")
                .setTooltipGenerator(this::criterionLabel).setWidth("16rem").setFlexGrow(1);
        detailColumn(row -> format(row.assignedAt()), "assignedAt", "history.assignment.column.assignedAt")
                .setAutoWidth(true);
        filterRow.getCell(createdAtColumn("history.assignment.column.createdAt")).setComponent(filters.dateRange());
        filterRow.getCell(grid.addColumn(createOutcomeRenderer()).setKey("outcome")
                .setSortable(false).setHeader(getTranslation("history.assignment.column.outcome"))
                .setAutoWidth(true).setResizable(true)).setComponent(filters.status());
        // Shown, not sortable or filterable (the query has no index for them).
        detailColumn(this::answerLabel, "decision", "history.assignment.column.decision")
                .setTooltipGenerator(this::answerLabel).setWidth("14rem").setFlexGrow(1);
        attemptsColumn("history.assignment.column.attempts");
        lastErrorColumn("history.assignment.column.lastError").setWidth("16rem");
        substateColumn("history.assignment.column.substate", "history.assignment.trigger.");
    }

    @Override
    protected AssignmentHistoryFilter filter() {
        return filters.value();
    }

    /** The seed's status (pending / accepted / rejected) as a badge; empty for a row that is not an offer. */
    private LitRenderer<AssignmentHistoryRow> createDecisionRenderer() {
        return LitRenderer.<AssignmentHistoryRow>of("""
                        <span theme="badge pill small ${item.theme}" ?hidden=${!item.label}>${item.label}</span>""")
                .withProperty("label", row -> row.assignmentStatus() == null ? ""
                        : getTranslation("history.assignment.decision." + row.assignmentStatus().name()))
                .withProperty("theme", row -> row.assignmentStatus() == null ? "" : switch (row.assignmentStatus()) {
                    case PENDING -> "contrast";
                    case ACCEPTED -> "success";
                    case REJECTED -> "error";
                });
    }

    /** The action's outcome in every tab's wording (true/false) next to a badge that says it in words. */
    private LitRenderer<AssignmentHistoryRow> createOutcomeRenderer() {
        return LitRenderer.<AssignmentHistoryRow>of("""
                        <span class="flex items-center gap-s">\
                        <span class="status-seed">${item.seed}</span>\
                        <span theme="badge pill small ${item.badgeTheme}">${item.badge}</span>\
                        </span>""")
                .withProperty("seed", row -> row.action().status() == null ? "" : row.action().status().toString())
                .withProperty("badgeTheme", row -> row.action().state() == ActionStatus.SUCCEEDED ? "success"
                        : row.action().state() == ActionStatus.FAILED ? "error" : "contrast")
                .withProperty("badge",
                        row -> getTranslation("history.assignment.state." + row.action().state().name()));
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
                                ? "history.assignment.criterion.only" : "history.assignment.criterion.leastLoaded",
                        criterion.openOpportunities(), criterion.candidates()));
                if (Boolean.TRUE.equals(criterion.roundRobin())) {
                    parts.add(getTranslation("history.assignment.criterion.roundRobin"));
                }
            }
        }
        return String.join(" · ", parts);
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
