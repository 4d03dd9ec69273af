package com.flowstate.history.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import com.flowstate.history.ActionHistoryRow;
import com.flowstate.history.ActionStatus;
import com.flowstate.history.HistoryQuery;
import com.flowstate.history.HistorySort;
import com.flowstate.history.Page;
import com.flowstate.history.SortDirection;
import com.flowstate.live.NewRowsChip;
import com.flowstate.security.CurrentUser;
import com.flowstate.security.PartnerScope;
import com.flowstate.ui.KeysetFetcher;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.HeaderRow;
import com.vaadin.flow.component.grid.dataview.GridLazyDataView;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * What every action-history tab shares: a grid that reads its query page by page through keyset cursors (no row
 * count, so it scrolls on without ever counting millions of rows), sortable and filterable seed columns, the seed's
 * true/false status with a badge, a refresh and a clear-filters button. Every page is fetched within the user's
 * partner scope. A tab adds its columns, its filters and its query.
 *
 * @param <R> row
 * @param <F> filter
 */
public abstract class HistoryTab<R extends ActionHistoryRow, F> extends VerticalLayout {

    static final int PAGE_SIZE = 50;
    private static final ZoneId ZONE = ZoneId.of("Europe/Rome");

    protected final Grid<R> grid = new Grid<>();
    protected final FilterFields filterFields;
    private final HistoryQuery<R, F> query;
    private final KeysetFetcher<R, String> fetcher = new KeysetFetcher<>(PAGE_SIZE);
    private final DateTimeFormatter dateTimes;
    private GridLazyDataView<R> data;
    private NewRowsChip newRows;

    /** What the cursors belong to; a change of any part makes the fetcher start again. */
    private record FetchKey(PartnerScope scope, Object filter, String sort, SortDirection direction) {
    }

    protected HistoryTab(HistoryQuery<R, F> query) {
        this.query = query;
        this.filterFields = new FilterFields(getLocale(), this::refresh);
        this.dateTimes = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(ZONE);
    }

    /**
     * Lays the tab out; call it at the end of the subclass constructor.
     *
     * @param idPrefix       prefix of the element ids ({@code email-history} → {@code email-history-grid})
     * @param defaultSortKey the column the query sorts by, newest first, when the user chose none
     * @param emptyKey       translation key of the text shown when no row matches
     */
    protected final void build(String idPrefix, String defaultSortKey, String emptyKey) {
        build(idPrefix, defaultSortKey, emptyKey, "history.email.clearFilters");
    }

    /**
     * Lays the tab out, with the tab's own wording of the clear-filters button; call it at the end of the subclass
     * constructor.
     *
     * @param clearFiltersKey translation key of the clear-filters button
     */
    protected final void build(String idPrefix, String defaultSortKey, String emptyKey, String clearFiltersKey) {
        setSizeFull();
        setPadding(false);
        grid.setId(idPrefix + "-grid");
        grid.setWidthFull();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setPageSize(PAGE_SIZE);
        grid.setMultiSort(false);
        grid.setEmptyStateText(getTranslation(emptyKey));
        // The first header row takes the column titles; the second holds the filters.
        grid.appendHeaderRow();
        addColumns(grid.appendHeaderRow());
        if (hasDetails()) {
            grid.setItemDetailsRenderer(new ComponentRenderer<>(this::details));
        }
        // No count callback: the grid learns where the history ends when a page comes back short.
        data = grid.setItems(this::fetch);
        grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey(defaultSortKey),
                com.vaadin.flow.data.provider.SortDirection.DESCENDING)));
        // Live: "N new rows" instead of jumping; the URL's tab key is the id prefix's first word.
        newRows = new NewRowsChip(idPrefix, idPrefix.substring(0, idPrefix.indexOf('-')), () -> {
            refresh();
            grid.scrollToStart();
        });
        add(createToolbar(idPrefix, clearFiltersKey), grid);
        setFlexGrow(1, grid);
    }

    /** Adds the tab's columns, with a filter field above each seed column in {@code filters}. */
    protected abstract void addColumns(HeaderRow filters);

    /** The filter the fields describe now. */
    protected abstract F filter();

    /** What a click on a row shows below it, for a tab that {@link #hasDetails() has details}. */
    protected Component details(R row) {
        throw new UnsupportedOperationException("This tab shows no details");
    }

    /** Whether a click on a row shows {@link #details}; a tab whose columns say it all keeps the default, no. */
    protected boolean hasDetails() {
        return false;
    }

    /**
     * The block a click on a row opens, as a column of labelled values with the row's error last. Its element classes
     * start with {@code classPrefix}: {@code <prefix>-details}, {@code <prefix>-error}.
     */
    public final class Details {

        private final String classPrefix;
        private final Div panel = new Div();

        public Details(String classPrefix) {
            this.classPrefix = classPrefix;
            panel.addClassNames(classPrefix + "-details", LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN,
                    LumoUtility.Gap.XSMALL, LumoUtility.Padding.Vertical.SMALL, LumoUtility.Padding.Horizontal.MEDIUM);
        }

        /** A small label, then the value (its classes given), shown as it is: line breaks kept. */
        public Details value(String labelKey, String value, String... valueClasses) {
            Span label = new Span(getTranslation(labelKey));
            label.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
            Div text = new Div(value == null ? "" : value);
            text.addClassNames(valueClasses);
            text.addClassNames(LumoUtility.Whitespace.PRE_WRAP);
            panel.add(label, text);
            return this;
        }

        /** Any further line. */
        public Details line(Component component) {
            panel.add(component);
            return this;
        }

        /** The panel, with the row's error (if any) last. */
        public Component withError(String error) {
            if (error != null) {
                Div text = new Div(error);
                text.addClassNames(classPrefix + "-error", LumoUtility.TextColor.ERROR, LumoUtility.FontSize.SMALL,
                        LumoUtility.Whitespace.PRE_WRAP);
                panel.add(text);
            }
            return panel;
        }
    }

    /** A seed column: sortable in SQL by its key, which is also the REST API's sort name. */
    protected Grid.Column<R> seedColumn(ValueProvider<R, String> value, String key, String headerKey) {
        return grid.addColumn(value).setKey(key).setSortProperty(key).setSortable(true)
                .setHeader(getTranslation(headerKey)).setAutoWidth(true).setResizable(true);
    }

    /** A column beyond the seed's: shown, not sortable (the query has no index for it). */
    protected Grid.Column<R> detailColumn(ValueProvider<R, String> value, String key, String headerKey) {
        return grid.addColumn(value).setKey(key).setSortable(false).setHeader(getTranslation(headerKey))
                .setResizable(true);
    }

    /** The seed's own wording (true/false) next to a badge that says it in words (generic: "succeeded"…). */
    protected Grid.Column<R> statusColumn(Function<R, ActionStatus> state, String headerKey) {
        return statusColumn(state, headerKey, "history.state.");
    }

    /**
     * The seed's own wording (true/false) next to a badge in the tab's own words.
     *
     * @param badgeKeyPrefix prefix of the badge texts, followed by the {@link ActionStatus} name
     */
    protected Grid.Column<R> statusColumn(Function<R, ActionStatus> state, String headerKey, String badgeKeyPrefix) {
        LitRenderer<R> renderer = LitRenderer.<R>of("""
                        <span class="flex items-center gap-s">\
                        <span class="status-seed">${item.seed}</span>\
                        <span theme="badge pill small ${item.badgeTheme}">${item.badge}</span>\
                        </span>""")
                .withProperty("seed", row -> state.apply(row).asBoolean() == null ? ""
                        : state.apply(row).asBoolean().toString())
                .withProperty("badgeTheme", row -> badgeTheme(state.apply(row)))
                .withProperty("badge", row -> getTranslation(badgeKeyPrefix + state.apply(row).name()));
        return grid.addColumn(renderer).setKey("status").setSortProperty("status").setSortable(true)
                .setHeader(getTranslation(headerKey)).setAutoWidth(true).setResizable(true);
    }

    /** The opportunity's name: a seed column of every tab. */
    protected Grid.Column<R> opportunityColumn(String headerKey) {
        return seedColumn(ActionHistoryRow::opportunityName, "opportunity", headerKey);
    }

    /** When the execution was created (scheduled): a seed column of every tab, its default sort. */
    protected Grid.Column<R> createdAtColumn(String headerKey) {
        return seedColumn(row -> format(row.createdAt()), "createdAt", headerKey);
    }

    /** The seed's status of the execution, with a badge in the tab's own words. */
    protected Grid.Column<R> statusColumn(String headerKey, String badgeKeyPrefix) {
        return statusColumn(ActionHistoryRow::state, headerKey, badgeKeyPrefix);
    }

    /** How many attempts the execution took. */
    protected Grid.Column<R> attemptsColumn(String headerKey) {
        return detailColumn(row -> String.valueOf(row.attempts()), "attempts", headerKey)
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END).setAutoWidth(true);
    }

    /** Why the execution failed (or its last attempt did), in full on hover. */
    protected Grid.Column<R> lastErrorColumn(String headerKey) {
        return detailColumn(ActionHistoryRow::lastError, "lastError", headerKey)
                .setTooltipGenerator(ActionHistoryRow::lastError).setWidth("14rem").setFlexGrow(1);
    }

    /** The substate and trigger of the action that made the row, the trigger in the tab's own words. */
    protected Grid.Column<R> substateColumn(String headerKey, String triggerKeyPrefix) {
        return detailColumn(row -> substateAndTrigger(row.substateName(), row.substateKey(),
                row.trigger(), triggerKeyPrefix), "substate", headerKey).setAutoWidth(true);
    }

    /** "Substate · on open", for the substate and trigger of the action that made a row. */
    protected String substateAndTrigger(String substateName, String substateKey, String trigger) {
        return substateAndTrigger(substateName, substateKey, trigger, "history.email.trigger.");
    }

    /**
     * "Substate · on open", with the trigger in the tab's own words.
     *
     * @param triggerKeyPrefix prefix of the trigger texts, followed by the trigger's name
     */
    protected String substateAndTrigger(String substateName, String substateKey, String trigger,
                                        String triggerKeyPrefix) {
        String substate = substateName != null ? substateName : substateKey;
        String when = trigger == null ? null : getTranslation(triggerKeyPrefix + trigger);
        if (substate == null) {
            return when == null ? "" : when;
        }
        return when == null ? substate : substate + " · " + when;
    }

    protected String format(Instant instant) {
        return instant == null ? "" : dateTimes.format(instant);
    }

    /** Reads the history again from the first page: new rows may have arrived, filters may have changed. */
    protected void refresh() {
        fetcher.reset();
        if (newRows != null) {
            newRows.clear();
        }
        if (data != null) {
            data.refreshAll();
        }
    }

    private Component createToolbar(String idPrefix, String clearFiltersKey) {
        Button refresh = new Button(getTranslation("action.refresh"), VaadinIcon.REFRESH.create(), click -> refresh());
        refresh.setId(idPrefix + "-refresh");
        Button clearFilters = new Button(getTranslation(clearFiltersKey), VaadinIcon.CLOSE_SMALL.create(),
                click -> filterFields.clear());
        clearFilters.setId(idPrefix + "-clear-filters");
        for (Button button : List.of(refresh, clearFilters)) {
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        }
        HorizontalLayout toolbar = new HorizontalLayout(refresh, clearFilters, newRows);
        toolbar.setSpacing(false);
        toolbar.getStyle().set("flex-wrap", "wrap");
        toolbar.addClassName(LumoUtility.Gap.SMALL);
        return toolbar;
    }

    private Stream<R> fetch(Query<R, Void> request) {
        PartnerScope scope = CurrentUser.scope();
        F filter = filter();
        QuerySortOrder order = request.getSortOrders().isEmpty() ? null : request.getSortOrders().get(0);
        String sortKey = order == null ? null : order.getSorted();
        SortDirection direction = order != null
                && order.getDirection() == com.vaadin.flow.data.provider.SortDirection.ASCENDING
                ? SortDirection.ASC : SortDirection.DESC;
        return fetcher.fetch(new FetchKey(scope, filter, sortKey, direction), request.getOffset(),
                request.getLimit(), (cursor, size) -> {
                    Page<R> page = query.page(scope, filter,
                            new HistorySort(sortKey == null ? HistorySort.NEWEST_FIRST.column() : sortKey, direction),
                            cursor, size);
                    return new KeysetFetcher.Chunk<>(page.items(), page.nextCursor());
                });
    }

    private static String badgeTheme(ActionStatus state) {
        return switch (state) {
            case SUCCEEDED -> "success";
            case FAILED -> "error";
            default -> "contrast";
        };
    }
}
