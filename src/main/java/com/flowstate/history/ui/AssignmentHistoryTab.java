package com.flowstate.history.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.security.access.AccessDeniedException;

import com.flowstate.action.ActionStatus;
import com.flowstate.action.assignment.AssignmentConflictException;
import com.flowstate.action.assignment.AssignmentCriterion;
import com.flowstate.action.assignment.AssignmentNotFoundException;
import com.flowstate.action.assignment.AssignmentService;
import com.flowstate.action.assignment.AssignmentStatus;
import com.flowstate.action.assignment.PartnerRole;
import com.flowstate.action.assignment.ZoneType;
import com.flowstate.history.AssignmentHistoryFilter;
import com.flowstate.history.AssignmentHistoryQuery;
import com.flowstate.history.AssignmentHistoryRow;
import com.flowstate.history.Page;
import com.flowstate.security.CurrentUser;
import com.flowstate.security.FlowstateUser;
import com.flowstate.security.PartnerScope;
import com.flowstate.security.Role;
import com.flowstate.ui.KeysetFetcher;
import com.flowstate.ui.Notifications;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.HeaderRow;
import com.vaadin.flow.component.grid.dataview.GridLazyDataView;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The Assignment tab: every offer of an opportunity to an installer or seller, newest first, with its answer. Same
 * mechanics as the E-mail tab (keyset pages without a row count, filters and sort in SQL, the user's partner scope).
 * A partner user answers the offers pending for their company from here: accept, or reject with a reason, after
 * which the opportunity goes to the next candidate (a new row their company does not see).
 */
class AssignmentHistoryTab extends VerticalLayout {

    static final int PAGE_SIZE = 50;
    private static final ZoneId ZONE = ZoneId.of("Europe/Rome");

    private final AssignmentHistoryQuery query;
    private final AssignmentService assignments;
    private final KeysetFetcher<AssignmentHistoryRow, String> fetcher = new KeysetFetcher<>(PAGE_SIZE);
    private final Grid<AssignmentHistoryRow> grid = new Grid<>();
    private final AssignmentHistoryFilters filters;
    private final DateTimeFormatter dateTimes;
    /** The company whose pending offers the user may answer; null for platform users. */
    private final Long answeringCompany;
    private GridLazyDataView<AssignmentHistoryRow> data;

    /** What the cursors belong to; a change of any part makes the fetcher start again. */
    private record FetchKey(PartnerScope scope, AssignmentHistoryFilter filter, AssignmentSortOrder order) {
    }

    AssignmentHistoryTab(AssignmentHistoryQuery query, AssignmentService assignments) {
        this.query = query;
        this.assignments = assignments;
        this.answeringCompany = CurrentUser.get()
                .filter(user -> user.scope().isRestricted() && user.hasRole(Role.PARTNER))
                .map(FlowstateUser::companyId).orElse(null);
        this.filters = new AssignmentHistoryFilters(getLocale(), this::refresh);
        this.dateTimes = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(ZONE);
        setSizeFull();
        setPadding(false);
        configureGrid();
        add(createToolbar(), grid);
        setFlexGrow(1, grid);
    }

    private Component createToolbar() {
        Button refresh = new Button(getTranslation("action.refresh"), VaadinIcon.REFRESH.create(),
                click -> refresh());
        refresh.setId("assignment-history-refresh");
        Button clearFilters = new Button(getTranslation("history.assignment.clearFilters"),
                VaadinIcon.CLOSE_SMALL.create(), click -> filters.clear());
        clearFilters.setId("assignment-history-clear-filters");
        for (Button button : List.of(refresh, clearFilters)) {
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        }
        HorizontalLayout toolbar = new HorizontalLayout(refresh, clearFilters);
        toolbar.setSpacing(false);
        toolbar.addClassName(LumoUtility.Gap.SMALL);
        return toolbar;
    }

    private void configureGrid() {
        grid.setId("assignment-history-grid");
        grid.setWidthFull();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setPageSize(PAGE_SIZE);
        grid.setMultiSort(false);
        grid.setEmptyStateText(getTranslation("history.assignment.empty"));
        addColumns();
        // No count callback: the grid learns where the history ends when a page comes back short.
        data = grid.setItems(this::fetch);
        grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey("createdAt"), SortDirection.DESCENDING)));
    }

    private void addColumns() {
        Grid.Column<AssignmentHistoryRow> opportunity = sortableColumn(AssignmentHistoryRow::opportunityName,
                "opportunity", "history.assignment.column.opportunity");
        Grid.Column<AssignmentHistoryRow> company = sortableColumn(this::companyLabel, "assignedCompany",
                "history.assignment.column.company");
        Grid.Column<AssignmentHistoryRow> decision = grid.addColumn(createDecisionRenderer())
                .setKey("status").setSortProperty("status").setSortable(true)
                .setHeader(getTranslation("history.assignment.column.status")).setAutoWidth(true).setResizable(true);
        if (answeringCompany != null) {
            grid.addColumn(new ComponentRenderer<>(this::createAnswerButtons)).setKey("answer")
                    .setHeader(getTranslation("history.assignment.column.answer")).setAutoWidth(true)
                    .setFlexGrow(0);
        }
        Grid.Column<AssignmentHistoryRow> role = sortableColumn(row -> roleLabel(row.role()), "role",
                "history.assignment.column.role");
        detailColumn(this::criterionLabel, "criterion", "history.assignment.column.criterion")
                .setTooltipGenerator(this::criterionLabel).setWidth("16rem").setFlexGrow(1);
        detailColumn(row -> format(row.assignedAt()), "assignedAt", "history.assignment.column.assignedAt")
                .setAutoWidth(true);
        Grid.Column<AssignmentHistoryRow> createdAt = sortableColumn(row -> format(row.createdAt()), "createdAt",
                "history.assignment.column.createdAt");
        Grid.Column<AssignmentHistoryRow> outcome = grid.addColumn(createOutcomeRenderer()).setKey("outcome")
                .setSortable(false).setHeader(getTranslation("history.assignment.column.outcome"))
                .setAutoWidth(true).setResizable(true);
        addDetailColumns();
        HeaderRow filterRow = grid.appendHeaderRow();
        filterRow.getCell(opportunity).setComponent(filters.opportunity());
        filterRow.getCell(company).setComponent(filters.assignedCompany());
        filterRow.getCell(decision).setComponent(filters.decision());
        filterRow.getCell(role).setComponent(filters.role());
        filterRow.getCell(createdAt).setComponent(filters.dateRange());
        filterRow.getCell(outcome).setComponent(filters.status());
    }

    /** Sortable in SQL by its key, the REST API's sort name. */
    private Grid.Column<AssignmentHistoryRow> sortableColumn(ValueProvider<AssignmentHistoryRow, String> value,
                                                             String key, String headerKey) {
        return grid.addColumn(value).setKey(key).setSortProperty(key).setSortable(true)
                .setHeader(getTranslation(headerKey)).setAutoWidth(true).setResizable(true);
    }

    /** Shown, not sortable or filterable (the query has no index for them). */
    private void addDetailColumns() {
        detailColumn(this::answerLabel, "decision", "history.assignment.column.decision")
                .setTooltipGenerator(this::answerLabel).setWidth("14rem").setFlexGrow(1);
        detailColumn(row -> String.valueOf(row.attempts()), "attempts", "history.assignment.column.attempts")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        detailColumn(AssignmentHistoryRow::lastError, "lastError", "history.assignment.column.lastError")
                .setTooltipGenerator(AssignmentHistoryRow::lastError).setWidth("16rem").setFlexGrow(1);
        detailColumn(this::substateAndTrigger, "substate", "history.assignment.column.substate").setAutoWidth(true);
    }

    private Grid.Column<AssignmentHistoryRow> detailColumn(ValueProvider<AssignmentHistoryRow, String> value,
                                                           String key, String headerKey) {
        return grid.addColumn(value).setKey(key).setSortable(false).setHeader(getTranslation(headerKey))
                .setResizable(true);
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
                .withProperty("seed", row -> row.status() == null ? "" : row.status().toString())
                .withProperty("badgeTheme", row -> row.state() == ActionStatus.SUCCEEDED ? "success"
                        : row.state() == ActionStatus.FAILED ? "error" : "contrast")
                .withProperty("badge", row -> getTranslation("history.assignment.state." + row.state().name()));
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
                click -> answer(() -> assignments.accept(CurrentUser.require(), row.id()),
                        "history.assignment.acceptedNotice", row));
        accept.setId("assignment-accept-" + row.id());
        accept.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
        Button reject = new Button(getTranslation("history.assignment.reject"), VaadinIcon.CLOSE.create(),
                click -> new RejectAssignmentDialog(row, reason -> answer(
                        () -> assignments.reject(CurrentUser.require(), row.id(), reason),
                        "history.assignment.rejectedNotice", row)).open());
        reject.setId("assignment-reject-" + row.id());
        reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        buttons.add(accept, reject);
        return buttons;
    }

    private void answer(Runnable decision, String noticeKey, AssignmentHistoryRow row) {
        try {
            decision.run();
            Notifications.success(getTranslation(noticeKey, row.opportunityName()));
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
        if (row.decidedBy() != null) {
            text += " · " + row.decidedBy();
        }
        if (row.rejectionReason() != null) {
            text += " · " + row.rejectionReason();
        }
        return text;
    }

    private String substateAndTrigger(AssignmentHistoryRow row) {
        String substate = row.substateName() != null ? row.substateName() : row.substateKey();
        String trigger = row.trigger() == null ? null : getTranslation("history.assignment.trigger." + row.trigger());
        if (substate == null) {
            return trigger == null ? "" : trigger;
        }
        return trigger == null ? substate : substate + " · " + trigger;
    }

    private Stream<AssignmentHistoryRow> fetch(Query<AssignmentHistoryRow, Void> request) {
        PartnerScope scope = CurrentUser.scope();
        AssignmentHistoryFilter filter = filters.value();
        AssignmentSortOrder order = AssignmentSortOrder.of(request.getSortOrders());
        return fetcher.fetch(new FetchKey(scope, filter, order), request.getOffset(), request.getLimit(),
                (cursor, size) -> {
                    Page<AssignmentHistoryRow> page = query.page(scope, filter, order.sort(), order.direction(),
                            cursor, size);
                    return new KeysetFetcher.Chunk<>(page.items(), page.nextCursor());
                });
    }

    /** Reads the history again from the first page: rows and answers may have changed, filters too. */
    private void refresh() {
        fetcher.reset();
        if (data != null) {
            data.refreshAll();
        }
    }

    private String format(Instant instant) {
        return instant == null ? "" : dateTimes.format(instant);
    }
}
