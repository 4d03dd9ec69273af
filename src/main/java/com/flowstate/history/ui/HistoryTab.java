package com.flowstate.history.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import com.flowstate.flow.SubstateNames;
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
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.HeaderRow;
import com.vaadin.flow.component.grid.dataview.GridLazyDataView;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * What every action-history tab shares: a grid that reads its query page by page through keyset cursors (no row
 * count, so it scrolls on without ever counting millions of rows), sortable and filterable seed columns, the status
 * as a coloured word in the user's language, each row linked to its opportunity, a refresh and a clear-filters
 * button, a column chooser and the row's details. Every page is fetched within the user's partner scope. A tab adds
 * its columns, its filters and its query.
 *
 * <p>The tab's filters, sort and open row are its {@linkplain #urlParameters() URL parameters}: the view writes them
 * to the address bar on every change and gives them back on navigation (a shared link, the back button). On a
 * screen narrower than {@value #PHONE_WIDTH} px the grid shows one card column (opportunity, status, date) instead of
 * its columns; the rest is in the row's details.
 *
 * @param <R> row
 * @param <F> filter
 */
public abstract class HistoryTab<R extends ActionHistoryRow, F> extends VerticalLayout {

    static final int PAGE_SIZE = 50;
    /**
     * The most rows a grid's scroll bar spans at first; the grid extends it when a user reaches its end. Vaadin 24.9's
     * grid in Chromium stopped loading rows after a jump (row 100,000 stayed "loading" for good) once its size passed
     * about 10M; at 9.9M and below it loads them, at 1440 px and on a phone (docs/benchmarks.md, section 5).
     */
    private static final int MAX_ESTIMATE = 5_000_000;
    /** Below this window width the tab shows cards. */
    static final int PHONE_WIDTH = 600;
    /** An opportunity's name is shown and sent to the browser up to this length; a 1 MB name must stay cheap. */
    static final int NAME_LIMIT = 200;
    private static final ZoneId ZONE = ZoneId.of("Europe/Rome");
    private static final String OPPORTUNITY_PATH = "opportunities/";

    protected final Grid<R> grid = new Grid<>();
    protected final FilterFields filterFields;
    private final HistoryQuery<R, F> query;
    private final KeysetFetcher<R, String> fetcher = new KeysetFetcher<>(PAGE_SIZE);
    private final DateTimeFormatter dateTimes;
    private GridLazyDataView<R> data;
    private String idPrefix;
    private String defaultSortKey;
    private String noneKey;
    private String emptyKey;
    private Function<R, StatusWord> cardStatus;
    private Grid.Column<R> cardColumn;
    private final Span opportunityChip = new Span();
    private final Div emptyState = new Div();
    private Runnable onStateChange = () -> { };
    private boolean applyingState;
    private Long pendingRow;
    private Long openRow;
    private R openItem;
    private boolean phone;
    private HorizontalLayout toolbar;
    private final List<Function<R, Component>> detailSections = new java.util.ArrayList<>();
    private Registration resizeRegistration;
    private NewRowsChip newRows;

    /** What the cursors belong to; a change of any part makes the fetcher start again. */
    private record FetchKey(PartnerScope scope, Object filter, String sort, SortDirection direction) {
    }

    /** A status as the user reads it: a word and the badge colour that goes with it. */
    public record StatusWord(String word, String theme) {
    }

    protected HistoryTab(HistoryQuery<R, F> query) {
        this.query = query;
        this.filterFields = new FilterFields(getLocale(), this::filtersChanged);
        this.dateTimes = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(ZONE);
    }

    /**
     * Lays the tab out; call it at the end of the subclass constructor.
     *
     * @param idPrefix       prefix of the element ids ({@code email-history} → {@code email-history-grid})
     * @param defaultSortKey the column the query sorts by, newest first, when the user chose none
     * @param noneKey        translation key of the text shown when no filter is set and there is no row ("No
     *                       e-mails yet")
     * @param emptyKey       translation key of the text shown when no row matches the filters set
     */
    protected final void build(String idPrefix, String defaultSortKey, String noneKey, String emptyKey) {
        build(idPrefix, defaultSortKey, noneKey, emptyKey, "history.email.clearFilters");
    }

    /**
     * Lays the tab out, with the tab's own wording of the clear-filters button; call it at the end of the subclass
     * constructor.
     *
     * @param clearFiltersKey translation key of the clear-filters button
     */
    protected final void build(String idPrefix, String defaultSortKey, String noneKey, String emptyKey,
                               String clearFiltersKey) {
        this.idPrefix = idPrefix;
        this.noneKey = noneKey;
        this.defaultSortKey = defaultSortKey;
        this.emptyKey = emptyKey;
        setSizeFull();
        setPadding(false);
        addClassName("history-tab");
        grid.setId(idPrefix + "-grid");
        grid.addClassName("history-grid");
        grid.setWidthFull();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setPageSize(PAGE_SIZE);
        grid.setMultiSort(false);
        // The first header row takes the column titles; the second holds the filters.
        grid.appendHeaderRow();
        HeaderRow filterRow = grid.appendHeaderRow();
        addColumns(filterRow);
        cardColumn = addCardColumn();
        filterFields.mirror("opportunity", idPrefix + "-card-filter", "history.card.filter")
                .ifPresent(search -> filterRow.getCell(cardColumn).setComponent(search));
        keepAtTheEnd("answer", "status", "createdAt");
        grid.setItemDetailsRenderer(new ComponentRenderer<>(this::detailsWithExtras));
        grid.addItemClickListener(click -> {
            // The grid has just toggled the row's details (details on click); the URL follows.
            boolean open = grid.isDetailsVisible(click.getItem());
            openItem = open ? click.getItem() : null;
            openRow = open ? click.getItem().id() : null;
            onStateChange.run();
        });
        // No count callback: the grid learns where the history ends when a page comes back short. Its scroll bar
        // spans the planner's estimate of the rows (nothing counted), so a user can drag it far down; the fetcher
        // seeks there instead of reading every page in between.
        data = grid.setItems(this::fetch);
        grid.addAttachListener(attach -> estimateRows());
        sortByDefault();
        grid.addSortListener(sort -> {
            if (!applyingState) {
                onStateChange.run();
            }
        });
        applyHiddenColumns();
        updateEmptyState(clearFiltersKey);
        // Live: "N new rows" instead of jumping; the URL's tab key is the id prefix's first word.
        newRows = new NewRowsChip(idPrefix, idPrefix.substring(0, idPrefix.indexOf('-')), () -> {
            refresh();
            grid.scrollToStart();
        });
        add(createToolbar(clearFiltersKey), grid);
        setFlexGrow(1, grid);
    }

    /**
     * Moves these columns (those the tab has) to the right edge and freezes them there: what a row's answer, status
     * and date are stays in view however far the other columns scroll.
     */
    private void keepAtTheEnd(String... keys) {
        List<Grid.Column<R>> order = new java.util.ArrayList<>(grid.getColumns());
        for (String key : keys) {
            Grid.Column<R> column = grid.getColumnByKey(key);
            if (column != null) {
                order.remove(column);
                order.add(column);
                column.setFrozenToEnd(true);
            }
        }
        grid.setColumnOrder(order);
    }

    /** Adds the tab's columns, with a filter field above each seed column in {@code filters}. */
    protected abstract void addColumns(HeaderRow filters);

    /** The filter the fields describe now. */
    protected abstract F filter();

    /**
     * What a click on a row shows below it. By default the shared columns in full (the opportunity, status, dates,
     * attempts, substate and error); a tab with its own details overrides it.
     */
    protected Component details(R row) {
        return new Details(idPrefix)
                .value("history.details.status", statusWord(row).word())
                .value("history.details.createdAt", format(row.createdAt()))
                .value("history.details.attempts", String.valueOf(row.attempts()))
                .value("history.details.substate", substateAndTrigger(row.substateName(), row.substateKey(),
                        row.trigger()))
                .withError(reasonText(row));
    }

    /**
     * What goes below a row's details: nothing by default. The hook for what acts on a row (its attempts, retry or
     * resend), added by the feature that owns it.
     */
    protected Component detailsExtras(R row) {
        return null;
    }

    private Component detailsWithExtras(R row) {
        Div box = new Div();
        box.addClassName("history-details");
        box.add(opportunityLink(row, "history-details-opportunity"));
        box.add(details(row));
        detailSections.forEach(section -> box.add(section.apply(row)));
        Component extras = detailsExtras(row);
        if (extras != null) {
            box.add(extras);
        }
        return box;
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

        /** A small label, then the value (its classes given), shown as it is (text, never HTML): line breaks kept. */
        public Details value(String labelKey, String value, String... valueClasses) {
            Span label = new Span(getTranslation(labelKey));
            label.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
            Div text = new Div(value == null ? "" : value);
            text.addClassNames(valueClasses);
            text.addClassNames(LumoUtility.Whitespace.PRE_WRAP, "history-details-value");
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
            if (error != null && !error.isBlank()) {
                Div text = new Div(error);
                text.addClassNames(classPrefix + "-error", LumoUtility.TextColor.ERROR, LumoUtility.FontSize.SMALL,
                        LumoUtility.Whitespace.PRE_WRAP);
                panel.add(text);
            }
            return panel;
        }
    }

    /**
     * A seed column: sortable in SQL by its key, which is also the REST API's sort name. Long values end in an
     * ellipsis and show in full on hover.
     */
    protected Grid.Column<R> seedColumn(ValueProvider<R, String> value, String key, String headerKey) {
        return grid.addColumn(value).setKey(key).setSortProperty(key).setSortable(true)
                .setHeader(getTranslation(headerKey)).setWidth("11rem").setFlexGrow(1).setResizable(true)
                .setTooltipGenerator(row -> tooltip(value.apply(row)));
    }

    /** A column beyond the seed's: shown, not sortable (the query has no index for it); long values as above. */
    protected Grid.Column<R> detailColumn(ValueProvider<R, String> value, String key, String headerKey) {
        return grid.addColumn(value).setKey(key).setSortable(false).setHeader(getTranslation(headerKey))
                .setWidth("9rem").setFlexGrow(1).setResizable(true)
                .setTooltipGenerator(row -> tooltip(value.apply(row)));
    }

    /** The status as a coloured word in the tab's generic wording ("succeeded"…). */
    protected Grid.Column<R> statusColumn(Function<R, ActionStatus> state, String headerKey) {
        return statusColumn(state, headerKey, "history.state.");
    }

    /**
     * The status as a coloured word in the tab's own words; never the seed's true/false, which only the REST API
     * keeps.
     *
     * @param badgeKeyPrefix prefix of the words, followed by the {@link ActionStatus} name
     */
    protected Grid.Column<R> statusColumn(Function<R, ActionStatus> state, String headerKey, String badgeKeyPrefix) {
        Function<R, StatusWord> words = row -> new StatusWord(getTranslation(badgeKeyPrefix + state.apply(row).name()),
                badgeTheme(state.apply(row)));
        return wordStatusColumn(words, headerKey, "status");
    }

    /** A status column of coloured words; sortable in SQL as {@code sortKey}. Also the status of the phone cards. */
    protected Grid.Column<R> wordStatusColumn(Function<R, StatusWord> words, String headerKey, String sortKey) {
        cardStatus = words;
        LitRenderer<R> renderer = LitRenderer.<R>of("""
                        <span class="history-status" theme="badge pill small ${item.badgeTheme}">${item.badge}</span>""")
                .withProperty("badgeTheme", row -> words.apply(row).theme())
                .withProperty("badge", row -> words.apply(row).word());
        return grid.addColumn(renderer).setKey("status").setSortProperty(sortKey).setSortable(true)
                .setHeader(getTranslation(headerKey)).setAutoWidth(true).setFlexGrow(0).setResizable(true);
    }

    /**
     * The opportunity: a link to its page, frozen at the left and never wider than a name needs to be recognised;
     * a longer name ends in an ellipsis and shows on hover.
     */
    protected Grid.Column<R> opportunityColumn(String headerKey) {
        LitRenderer<R> renderer = LitRenderer.<R>of("""
                        ${item.href ? html`<a class="history-opportunity" href="${item.href}" router-link \
                        title="${item.name}" @click="${e => e.stopPropagation()}">${item.name}</a>` \
                        : html`<span class="history-opportunity">${item.none}</span>`}""")
                .withProperty("href", row -> row.opportunityId() == null ? "" : OPPORTUNITY_PATH + row.opportunityId())
                .withProperty("name", row -> shortName(row.opportunityName()))
                .withProperty("none", this::noOpportunityLabel);
        return grid.addColumn(renderer).setKey("opportunity").setSortProperty("opportunity").setSortable(true)
                .setHeader(getTranslation(headerKey)).setWidth("14rem").setFlexGrow(0).setFrozen(true)
                .setResizable(true);
    }

    /** What the opportunity column says for a row of no opportunity (only a scheduled export has none). */
    protected String noOpportunityLabel(R row) {
        return "";
    }

    /** When the execution was created (scheduled): a seed column of every tab, its default sort. */
    protected Grid.Column<R> createdAtColumn(String headerKey) {
        return grid.addColumn(row -> format(row.createdAt())).setKey("createdAt").setSortProperty("createdAt")
                .setSortable(true).setHeader(getTranslation(headerKey)).setAutoWidth(true).setFlexGrow(0)
                .setResizable(true);
    }

    /** The status of the execution, as a coloured word in the tab's own words. */
    protected Grid.Column<R> statusColumn(String headerKey, String badgeKeyPrefix) {
        return statusColumn(ActionHistoryRow::state, headerKey, badgeKeyPrefix);
    }

    /** How many attempts the execution took. */
    protected Grid.Column<R> attemptsColumn(String headerKey) {
        return detailColumn(row -> String.valueOf(row.attempts()), "attempts", headerKey)
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
    }

    /** Why the execution failed (or its last attempt did), in full on hover. */
    protected Grid.Column<R> lastErrorColumn(String headerKey) {
        return detailColumn(this::reasonText, "lastError", headerKey)
                .setWidth("14rem").setFlexGrow(1);
    }

    /** The row's reason in the reader's language ({@link ReasonText}); empty when it has none. */
    protected String reasonText(R row) {
        return ReasonText.of(row, getLocale());
    }

    /** The substate and trigger of the action that made the row, the trigger in the tab's own words. */
    protected Grid.Column<R> substateColumn(String headerKey, String triggerKeyPrefix) {
        return detailColumn(row -> substateAndTrigger(row.substateName(), row.substateKey(),
                row.trigger(), triggerKeyPrefix), "substate", headerKey).setWidth("12rem");
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
        String substate = substateName != null ? SubstateNames.localized(substateKey, substateName, getLocale())
                : substateKey;
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
            estimateRows();
        }
    }

    /** Lets the grid's scroll bar span about as many rows as the query holds (the planner's estimate). */
    private void estimateRows() {
        long estimate = query.estimate(CurrentUser.scope(), filter());
        if (estimate > data.getItemCountEstimate()) {
            data.setItemCountEstimate((int) Math.min(estimate, MAX_ESTIMATE));
        }
    }

    // --- the URL -------------------------------------------------------------------------------------------------

    /** Runs whenever the user changes what the URL holds (a filter, the sort, the open row). */
    void onStateChange(Runnable listener) {
        this.onStateChange = listener;
    }

    /** The tab's filters, sort (when not the default) and open row, as URL query parameters. */
    Map<String, String> urlParameters() {
        Map<String, String> parameters = new LinkedHashMap<>(filterFields.parameters());
        List<GridSortOrder<R>> order = grid.getSortOrder();
        if (!order.isEmpty()) {
            String key = order.get(0).getSorted().getKey();
            boolean ascending = order.get(0).getDirection() == com.vaadin.flow.data.provider.SortDirection.ASCENDING;
            if (!key.equals(defaultSortKey) || ascending) {
                parameters.put("sort", key);
                parameters.put("dir", ascending ? "asc" : "desc");
            }
        }
        if (openRow != null) {
            parameters.put("row", openRow.toString());
        }
        return parameters;
    }

    /**
     * Shows what the URL says: filters, sort, open row. Anything it cannot take (an unknown column, a garbage date)
     * falls back to the default, never to an error.
     */
    void applyUrlParameters(Map<String, String> parameters) {
        applyingState = true;
        try {
            filterFields.apply(parameters);
            Grid.Column<R> column = parameters.get("sort") == null ? null : grid.getColumnByKey(parameters.get("sort"));
            if (column != null && column.isSortable() && column != cardColumn) {
                grid.sort(List.of(new GridSortOrder<>(column, "asc".equalsIgnoreCase(parameters.get("dir"))
                        ? com.vaadin.flow.data.provider.SortDirection.ASCENDING
                        : com.vaadin.flow.data.provider.SortDirection.DESCENDING)));
            } else {
                sortByDefault();
            }
            Long row = parseLong(parameters.get("row"));
            if (openItem != null && !Long.valueOf(openItem.id()).equals(row)) {
                grid.setDetailsVisible(openItem, false);
                openItem = null;
            }
            openRow = row;
            pendingRow = row;
        } finally {
            applyingState = false;
        }
        filtersChanged(false);
    }

    private static Long parseLong(String text) {
        try {
            return text == null ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void sortByDefault() {
        grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey(defaultSortKey),
                com.vaadin.flow.data.provider.SortDirection.DESCENDING)));
    }

    private void filtersChanged() {
        filtersChanged(true);
    }

    private void filtersChanged(boolean byUser) {
        refresh();
        updateEmptyState(null);
        opportunityChip.setVisible(filterFields.opportunityId() != null);
        opportunityChip.setText(filterFields.opportunityId() == null ? ""
                : getTranslation("history.filter.opportunityId", filterFields.opportunityId()) + " ✕");
        if (byUser && !applyingState) {
            onStateChange.run();
        }
    }

    // --- empty state, toolbar, column chooser ---------------------------------------------------------------------

    private String clearFiltersKey;

    /** "No e-mails yet" without filters; "no row matches these filters" with a button to clear them otherwise. */
    private void updateEmptyState(String clearKey) {
        if (clearKey != null) {
            clearFiltersKey = clearKey;
        }
        emptyState.removeAll();
        emptyState.setId(idPrefix + "-empty");
        emptyState.addClassName("history-empty");
        if (filterFields.anySet()) {
            Button clear = new Button(getTranslation(clearFiltersKey), click -> filterFields.clear());
            clear.setId(idPrefix + "-empty-clear");
            clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            emptyState.add(new Span(getTranslation(emptyKey) + " — "), clear);
        } else {
            emptyState.add(new Span(getTranslation(noneKey)));
        }
        grid.setEmptyStateComponent(emptyState);
    }

    private Component createToolbar(String clearFiltersKey) {
        Button refresh = new Button(getTranslation("action.refresh"), VaadinIcon.REFRESH.create(), click -> refresh());
        refresh.setId(idPrefix + "-refresh");
        Button clearFilters = new Button(getTranslation(clearFiltersKey), VaadinIcon.CLOSE_SMALL.create(),
                click -> filterFields.clear());
        clearFilters.setId(idPrefix + "-clear-filters");
        for (Button button : List.of(refresh, clearFilters)) {
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        }
        opportunityChip.setId(idPrefix + "-opportunity-filter");
        opportunityChip.getElement().getThemeList().add("badge pill");
        opportunityChip.setVisible(false);
        // A link from the opportunity's page narrows the tab to it; a click on the chip lifts that.
        opportunityChip.getElement().setAttribute("role", "button");
        opportunityChip.getElement().setAttribute("tabindex", "0");
        opportunityChip.getElement().addEventListener("click", click -> filterFields.clearOpportunityId());
        opportunityChip.getStyle().set("cursor", "pointer");
        toolbar = new HorizontalLayout(refresh, clearFilters, newRows, opportunityChip, createColumnChooser());
        toolbar.setSpacing(false);
        toolbar.setWidthFull();
        toolbar.setAlignItems(Alignment.CENTER);
        toolbar.addClassNames(LumoUtility.Gap.SMALL, LumoUtility.FlexWrap.WRAP, "history-toolbar");
        return toolbar;
    }

    /** Hide or show columns; the choice is kept for the session. Opportunity and status always stay. */
    private Component createColumnChooser() {
        MenuBar chooser = new MenuBar();
        chooser.setId(idPrefix + "-columns");
        chooser.addThemeVariants(MenuBarVariant.LUMO_TERTIARY, MenuBarVariant.LUMO_SMALL);
        chooser.addClassNames(LumoUtility.Margin.Left.AUTO, "history-column-chooser");
        MenuItem top = chooser.addItem(VaadinIcon.GRID_SMALL.create());
        top.add(new Span(getTranslation("history.columns")));
        top.setAriaLabel(getTranslation("history.columns"));
        SubMenu items = top.getSubMenu();
        Set<String> hidden = hiddenColumns();
        for (Grid.Column<R> column : grid.getColumns()) {
            String key = column.getKey();
            if (key == null || column == cardColumn || key.equals("opportunity") || key.equals("status")
                    || column.getHeaderText() == null) {
                continue;
            }
            MenuItem item = items.addItem(column.getHeaderText());
            item.setId(idPrefix + "-column-" + key);
            item.setCheckable(true);
            item.setChecked(!hidden.contains(key));
            item.addClickListener(click -> {
                if (item.isChecked()) {
                    hiddenColumns().remove(key);
                } else {
                    hiddenColumns().add(key);
                }
                applyHiddenColumns();
            });
        }
        return chooser;
    }

    @SuppressWarnings("unchecked")
    private Set<String> hiddenColumns() {
        VaadinSession session = VaadinSession.getCurrent();
        String attribute = "history.hiddenColumns." + idPrefix;
        if (session == null) {
            return new HashSet<>();
        }
        Set<String> hidden = (Set<String>) session.getAttribute(attribute);
        if (hidden == null) {
            hidden = new HashSet<>();
            session.setAttribute(attribute, hidden);
        }
        return hidden;
    }

    /** Shows the chosen columns on a wide screen, only the cards on a phone. */
    private void applyHiddenColumns() {
        Set<String> hidden = hiddenColumns();
        for (Grid.Column<R> column : grid.getColumns()) {
            column.setVisible(column == cardColumn ? phone : !phone && !hidden.contains(column.getKey()));
        }
    }

    // --- phone -----------------------------------------------------------------------------------------------------

    /** Opportunity, status and date on two lines: the grid's only column on a phone. */
    private Grid.Column<R> addCardColumn() {
        LitRenderer<R> renderer = LitRenderer.<R>of("""
                        <div class="history-card">\
                        <div class="history-card-top">\
                        ${item.href ? html`<a class="history-opportunity" href="${item.href}" router-link \
                        @click="${e => e.stopPropagation()}">${item.name}</a>` \
                        : html`<span class="history-opportunity">${item.name}</span>`}\
                        <span class="history-status" theme="badge pill small ${item.theme}">${item.status}</span>\
                        </div>\
                        <div class="history-card-date">${item.date}</div>\
                        </div>""")
                .withProperty("href", row -> row.opportunityId() == null ? "" : OPPORTUNITY_PATH + row.opportunityId())
                .withProperty("name", row -> row.opportunityId() == null ? noOpportunityLabel(row)
                        : shortName(row.opportunityName()))
                .withProperty("theme", row -> statusWord(row).theme())
                .withProperty("status", row -> statusWord(row).word())
                .withProperty("date", row -> format(row.createdAt()));
        Grid.Column<R> column = grid.addColumn(renderer).setKey("card").setSortable(false)
                .setHeader(getTranslation("history.card.header")).setFlexGrow(1);
        column.setVisible(false);
        return column;
    }

    private StatusWord statusWord(R row) {
        if (cardStatus != null) {
            return cardStatus.apply(row);
        }
        return new StatusWord(getTranslation("history.state." + row.state().name()), badgeTheme(row.state()));
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        UI ui = attach.getUI();
        ui.getPage().retrieveExtendedClientDetails(details -> setPhone(details.getWindowInnerWidth() < PHONE_WIDTH));
        resizeRegistration = ui.getPage().addBrowserWindowResizeListener(resize ->
                setPhone(resize.getWidth() < PHONE_WIDTH));
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (resizeRegistration != null) {
            resizeRegistration.remove();
            resizeRegistration = null;
        }
        super.onDetach(detach);
    }

    private void setPhone(boolean narrow) {
        if (narrow != phone) {
            phone = narrow;
            getElement().getClassList().set("history-phone", narrow);
            applyHiddenColumns();
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    /** A link to the row's opportunity page (full name up to the limit), or nothing for a row of none. */
    private Component opportunityLink(R row, String className) {
        if (row.opportunityId() == null) {
            return new Span();
        }
        Anchor link = new Anchor(OPPORTUNITY_PATH + row.opportunityId(), shortName(row.opportunityName()));
        link.getElement().setAttribute("router-link", true);
        link.addClassNames(className, LumoUtility.FontWeight.SEMIBOLD);
        link.setId(idPrefix + "-details-opportunity-" + row.id());
        return link;
    }

    /** A name cut to what a person reads (and the browser is sent): a huge one must not slow or widen the tab. */
    protected static String shortName(String name) {
        if (name == null) {
            return "";
        }
        return name.length() <= NAME_LIMIT ? name : name.substring(0, NAME_LIMIT) + "…";
    }

    private static String tooltip(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.length() <= 4 * NAME_LIMIT ? text : text.substring(0, 4 * NAME_LIMIT) + "…";
    }

    // What a HistoryTabExtension may use: the tab's grid, ids, filter, toolbar, row details and refresh.

    /** The tab's grid. */
    public final Grid<R> grid() {
        return grid;
    }

    /** The prefix of the tab's element ids ({@code email-history}). */
    public final String idPrefix() {
        return idPrefix;
    }

    /** The filter the fields describe now, as the tab's query takes it. */
    public final F currentFilter() {
        return filter();
    }

    /** Reads the rows again from the first page. */
    public final void reload() {
        refresh();
    }

    /** Adds components to the tab's toolbar, before the column chooser. */
    public final void addToToolbar(Component... components) {
        int chooser = toolbar.getComponentCount() - 1;
        for (Component component : components) {
            toolbar.addComponentAtIndex(chooser++, component);
        }
    }

    /** Adds a section below a row's details. */
    public final void addDetailsSection(Function<R, Component> section) {
        detailSections.add(section);
    }

    private Stream<R> fetch(Query<R, Void> request) {
        PartnerScope scope = CurrentUser.scope();
        F filter = filter();
        QuerySortOrder order = request.getSortOrders().isEmpty() ? null : request.getSortOrders().get(0);
        String sortKey = order == null ? null : order.getSorted();
        SortDirection direction = order != null
                && order.getDirection() == com.vaadin.flow.data.provider.SortDirection.ASCENDING
                ? SortDirection.ASC : SortDirection.DESC;
        List<R> rows = fetcher.fetch(new FetchKey(scope, filter, sortKey, direction), request.getOffset(),
                request.getLimit(), (cursor, size) -> {
                    Page<R> page = query.page(scope, filter,
                            new HistorySort(sortKey == null ? HistorySort.NEWEST_FIRST.column() : sortKey, direction),
                            cursor, size);
                    return new KeysetFetcher.Chunk<>(page.items(), page.nextCursor());
                }, (cursor, skip) -> query.cursorAfter(scope, filter,
                        new HistorySort(sortKey == null ? HistorySort.NEWEST_FIRST.column() : sortKey, direction),
                        cursor, skip)).toList();
        openPendingRow(rows);
        return rows.stream();
    }

    /** Opens the details of the row the URL names once a page brings it. */
    private void openPendingRow(List<R> rows) {
        if (pendingRow == null) {
            return;
        }
        rows.stream().filter(row -> row.id() == pendingRow).findFirst().ifPresent(row -> {
            pendingRow = null;
            grid.getElement().getNode().runWhenAttached(ui -> ui.beforeClientResponse(grid, context -> {
                grid.setDetailsVisible(row, true);
                openItem = row;
            }));
        });
    }

    protected static String badgeTheme(ActionStatus state) {
        return switch (state) {
            case SUCCEEDED -> "success";
            case FAILED -> "error";
            case RUNNING, RETRYING -> "";
            case SCHEDULED -> "contrast";
        };
    }
}
