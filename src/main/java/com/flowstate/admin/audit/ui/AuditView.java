package com.flowstate.admin.audit.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.Objects;

import com.flowstate.audit.AuditArea;
import com.flowstate.audit.AuditChange;
import com.flowstate.audit.AuditEntry;
import com.flowstate.admin.audit.AuditFilter;
import com.flowstate.admin.audit.AuditQuery;
import com.flowstate.history.HistorySort;
import com.flowstate.history.Page;
import com.flowstate.history.ui.FilterFields;
import com.flowstate.ui.KeysetFetcher;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;

import jakarta.annotation.security.RolesAllowed;

/**
 * The audit trail for admins (issue 11): every configuration change and deployment, newest first, filtered like a
 * history tab (area, change, actor, subject, days), read by keyset pages; a row opens to its fields before and after,
 * the changed ones highlighted. On a phone the grid shows one card column.
 */
@Route("admin/audit")
@RolesAllowed("ADMIN")
@StyleSheet("context://styles/admin-audit.css")
public class AuditView extends VerticalLayout implements HasDynamicTitle {

    static final int PHONE_WIDTH = 600;
    private static final int PAGE = 50;
    private static final ZoneId ZONE = ZoneId.of("Europe/Rome");

    private final AuditQuery audit;
    private final Grid<AuditEntry> grid = new Grid<>();
    private final KeysetFetcher<AuditEntry, String> fetcher = new KeysetFetcher<>(PAGE);
    private final FilterFields filters;
    private Select<AuditArea> area;
    private Select<AuditChange> change;
    private TextField actor;
    private TextField subject;
    private DatePicker from;
    private DatePicker to;
    private Grid.Column<AuditEntry> cardColumn;
    private boolean phone;
    private Registration resize;

    public AuditView(AuditQuery audit) {
        this.audit = audit;
        this.filters = new FilterFields(getLocale(), this::refresh);
        setId("audit-view");
        setSizeFull();
        addClassName("audit-view");
        add(new Paragraph(getTranslation("audit.hint")), createFilters(), createGrid());
    }

    private HorizontalLayout createFilters() {
        area = filters.select("audit-filter-area", "area", "audit.area", "audit.filter.anyArea",
                Arrays.asList(AuditArea.values()), value -> getTranslation("audit.area." + value.name()));
        change = filters.select("audit-filter-change", "change", "audit.change", "audit.filter.anyChange",
                Arrays.asList(AuditChange.values()), value -> getTranslation("audit.change." + value.name()));
        actor = filters.text("audit-filter-actor", "actor", "audit.filter.actor");
        subject = filters.text("audit-filter-subject", "subject", "audit.filter.subject");
        FilterFields.DateRange range = filters.dateRange("audit-filter-from", "audit.filter.from", "audit-filter-to",
                "audit.filter.to");
        from = range.from();
        to = range.to();
        // FilterFields makes each field as wide as its (grid header) cell: here they share one row.
        area.setWidth("13rem");
        change.setWidth("12rem");
        actor.setWidth("10rem");
        subject.setWidth("16rem");
        Button clear = new Button(getTranslation("audit.filter.clear"), click -> filters.clear());
        clear.setId("audit-filter-clear");
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        HorizontalLayout row = new HorizontalLayout(area, change, actor, subject, range.component(), clear);
        row.addClassName("audit-filters");
        row.setWidthFull();
        row.setWrap(true);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private Grid<AuditEntry> createGrid() {
        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.setMinHeight("24rem");
        grid.addColumn(entry -> format(entry.at())).setKey("at").setHeader(getTranslation("audit.at"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::actor).setKey("actor").setHeader(getTranslation("audit.actor")).setFlexGrow(1);
        grid.addColumn(entry -> getTranslation("audit.area." + entry.area().name())).setKey("area")
                .setHeader(getTranslation("audit.area")).setFlexGrow(1);
        grid.addColumn(LitRenderer.<AuditEntry>of(
                                "<span theme=\"badge small ${item.theme}\">${item.change}</span>")
                        .withProperty("change", entry -> getTranslation("audit.change." + entry.change().name()))
                        .withProperty("theme", entry -> badge(entry.change())))
                .setKey("change").setHeader(getTranslation("audit.change")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::subject).setKey("subject").setHeader(getTranslation("audit.subject"))
                .setFlexGrow(2);
        grid.addColumn(entry -> getTranslation("audit.changedFields", FieldDiff.changedCount(entry)))
                .setKey("fields").setHeader(getTranslation("audit.fields")).setAutoWidth(true).setFlexGrow(0);
        cardColumn = grid.addColumn(LitRenderer.<AuditEntry>of("""
                        <div class="audit-card">\
                        <div class="audit-card-top"><span class="audit-card-subject">${item.subject}</span>\
                        <span theme="badge small pill ${item.theme}">${item.change}</span></div>\
                        <div class="audit-card-meta">${item.area} · ${item.actor} · ${item.at}</div>\
                        </div>""")
                        .withProperty("subject", AuditEntry::subject)
                        .withProperty("change", entry -> getTranslation("audit.change." + entry.change().name()))
                        .withProperty("theme", entry -> badge(entry.change()))
                        .withProperty("area", entry -> getTranslation("audit.area." + entry.area().name()))
                        .withProperty("actor", AuditEntry::actor)
                        .withProperty("at", entry -> format(entry.at())))
                .setKey("card").setHeader(getTranslation("audit.card")).setFlexGrow(1);
        cardColumn.setVisible(false);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(entry -> new FieldDiff(entry)));
        grid.setDetailsVisibleOnClick(true);
        grid.setItems(query -> fetcher.fetch(filter(), query.getOffset(), query.getLimit(),
                (cursor, size) -> {
                    Page<AuditEntry> page = audit.page(filter(), HistorySort.NEWEST_FIRST, cursor, size);
                    return new KeysetFetcher.Chunk<>(page.items(), page.nextCursor());
                },
                (cursor, rows) -> audit.cursorAfter(filter(), HistorySort.NEWEST_FIRST, cursor, rows)));
        return grid;
    }

    private AuditFilter filter() {
        return AuditFilter.empty().withArea(area.getValue()).withChange(change.getValue())
                .withActor(blankToNull(actor.getValue())).withSubject(blankToNull(subject.getValue()))
                .withFrom(from.getValue()).withTo(to.getValue());
    }

    private void refresh() {
        fetcher.reset();
        grid.getDataProvider().refreshAll();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String badge(AuditChange change) {
        return switch (change) {
            case CREATED, DEPLOYED -> "success";
            case DELETED -> "error";
            case EXECUTED -> "contrast";
            case UPDATED -> "";
        };
    }

    private String format(Instant at) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale()).withZone(ZONE)
                .format(at);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        UI ui = attach.getUI();
        ui.getPage().retrieveExtendedClientDetails(details -> setPhone(details.getWindowInnerWidth() < PHONE_WIDTH));
        resize = ui.getPage().addBrowserWindowResizeListener(event -> setPhone(event.getWidth() < PHONE_WIDTH));
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (resize != null) {
            resize.remove();
            resize = null;
        }
        super.onDetach(detach);
    }

    private void setPhone(boolean narrow) {
        if (narrow == phone) {
            return;
        }
        phone = narrow;
        getElement().getClassList().set("audit-phone", narrow);
        grid.getColumns().forEach(column -> column.setVisible(Objects.equals(column, cardColumn) == narrow));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title");
    }
}
