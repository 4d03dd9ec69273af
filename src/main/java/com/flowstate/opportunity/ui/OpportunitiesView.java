package com.flowstate.opportunity.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.context.i18n.LocaleContextHolder;

import com.flowstate.flow.FlowCatalogue;
import com.flowstate.opportunity.NewOpportunity;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.opportunity.OpportunityFilter;
import com.flowstate.opportunity.OpportunityService;
import com.flowstate.opportunity.OpportunityTypeService;
import com.flowstate.partner.CompanyKind;
import com.flowstate.partner.CompanyService;
import com.flowstate.partner.Provinces;
import com.flowstate.security.CurrentUser;
import com.flowstate.security.FlowstateUser;
import com.flowstate.security.PartnerScope;
import com.flowstate.security.Role;
import com.flowstate.security.UserService;
import com.flowstate.ui.KeysetFetcher;
import com.flowstate.ui.Notifications;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.dataview.GridLazyDataView;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.ConstraintViolationException;

/**
 * The opportunities the user may see, newest first, with a search over name, customer, city and postal code.
 * Clicking one opens its page ({@code /opportunities/{id}}, in the workspace feature, linked by path); platform users
 * (admin, internal) open new opportunities.
 */
@Route("")
@PermitAll
public class OpportunitiesView extends VerticalLayout implements HasDynamicTitle {

    static final int PAGE_SIZE = 50;
    static final String OPPORTUNITY_PAGE = "opportunities/";
    private static final ZoneId ZONE = ZoneId.of("Europe/Rome");

    private final OpportunityService opportunities;
    private final OpportunityTypeService types;
    private final FlowCatalogue flows;
    private final CompanyService companies;
    private final UserService users;
    private final Provinces provinces;
    private final boolean platformUser;
    private final KeysetFetcher<Opportunity, Long> fetcher = new KeysetFetcher<>(PAGE_SIZE);
    private final Grid<Opportunity> grid = new Grid<>();
    private final TextField search = new TextField();
    private final DateTimeFormatter dateTimes;
    private GridLazyDataView<Opportunity> data;

    /** What the cursors belong to; a change makes the fetcher start again. */
    private record FetchKey(PartnerScope scope, OpportunityFilter filter) {
    }

    OpportunitiesView(OpportunityService opportunities, OpportunityTypeService types, FlowCatalogue flows,
                      CompanyService companies, UserService users, Provinces provinces) {
        this.opportunities = opportunities;
        this.types = types;
        this.flows = flows;
        this.companies = companies;
        this.users = users;
        this.provinces = provinces;
        FlowstateUser user = CurrentUser.require();
        this.platformUser = user.hasRole(Role.ADMIN) || user.hasRole(Role.INTERNAL);
        this.dateTimes = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(ZONE);
        setSizeFull();
        configureSearch();
        configureGrid();
        add(createToolbar(), grid);
    }

    private void configureSearch() {
        search.setId("opportunity-search");
        search.setPlaceholder(getTranslation("opportunity.search"));
        search.setAriaLabel(getTranslation("opportunity.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("20rem");
        search.addValueChangeListener(change -> refreshGrid());
    }

    private Component createToolbar() {
        Button refresh = new Button(VaadinIcon.REFRESH.create(), click -> refreshGrid());
        refresh.setId("refresh-opportunities");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        refresh.setAriaLabel(getTranslation("action.refresh"));
        refresh.setTooltipText(getTranslation("action.refresh"));
        HorizontalLayout toolbar = new HorizontalLayout(search, refresh);
        toolbar.setWidthFull();
        toolbar.setAlignItems(Alignment.CENTER);
        if (platformUser) {
            Button create = new Button(getTranslation("opportunity.new"), VaadinIcon.PLUS.create(),
                    click -> openNewOpportunityDialog());
            create.setId("new-opportunity");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.addToEnd(create);
        }
        return toolbar;
    }

    private void configureGrid() {
        grid.setId("opportunity-grid");
        grid.setHeightFull();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setPageSize(PAGE_SIZE);
        grid.setEmptyStateText(getTranslation("opportunity.empty"));
        column(Opportunity::name, "name", "opportunity.column.name");
        column(Opportunity::customerName, "customer", "opportunity.column.customer");
        column(OpportunitiesView::place, "city", "opportunity.column.city");
        column(Opportunity::installerName, "installer", "opportunity.column.installer");
        column(Opportunity::sellerName, "seller", "opportunity.column.seller");
        column(opportunity -> opportunity.createdAt() == null ? "" : dateTimes.format(opportunity.createdAt()),
                "createdAt", "opportunity.column.createdAt");
        grid.addItemClickListener(click -> open(click.getItem()));
        // No count callback: the list scrolls on page by page, newest first, as far as the user goes.
        data = grid.setItems(this::fetch);
    }

    /** The list's order is fixed (newest first, the keyset order), so no column sorts. */
    private void column(ValueProvider<Opportunity, String> value, String key, String headerKey) {
        grid.addColumn(value).setKey(key).setHeader(getTranslation(headerKey)).setSortable(false)
                .setAutoWidth(true).setResizable(true);
    }

    private static String place(Opportunity opportunity) {
        String city = opportunity.city() == null ? "" : opportunity.city();
        return opportunity.province() == null || opportunity.province().isBlank()
                ? city : city + " (" + opportunity.province() + ")";
    }

    private Stream<Opportunity> fetch(Query<Opportunity, Void> request) {
        PartnerScope scope = CurrentUser.scope();
        OpportunityFilter filter = OpportunityFilter.empty().withText(search.getValue());
        return fetcher.fetch(new FetchKey(scope, filter), request.getOffset(), request.getLimit(),
                (afterId, size) -> {
                    var page = opportunities.list(scope, filter, afterId, size);
                    // A full page may have more after it; a short one is the last.
                    Long next = page.size() < size ? null : page.get(page.size() - 1).id();
                    return new KeysetFetcher.Chunk<>(page, next);
                });
    }

    private void refreshGrid() {
        fetcher.reset();
        if (data != null) {
            data.refreshAll();
        }
    }

    private void openNewOpportunityDialog() {
        OpportunityForm form = new OpportunityForm(types.types(),
                flows.flowKeys(), companies.partners(CompanyKind.INSTALLER),
                companies.partners(CompanyKind.SELLER), users.withRole(Role.INTERNAL), provinces);
        Dialog dialog = new Dialog(form);
        dialog.setId("opportunity-dialog");
        dialog.setHeaderTitle(getTranslation("opportunity.new"));
        dialog.setWidth("44rem");
        dialog.setMaxWidth("100%");
        form.addSaveListener(save -> create(save.opportunity(), dialog));
        form.addCancelListener(cancel -> dialog.close());
        dialog.open();
    }

    /** The service validates again and may refuse (an unknown owner, say): its message goes to the user. */
    private void create(NewOpportunity opportunity, Dialog dialog) {
        // Bean Validation words its messages in the language of the thread's locale context: the reader's.
        LocaleContextHolder.setLocale(getLocale());
        try {
            Opportunity created = opportunities.create(opportunity);
            dialog.close();
            Notifications.success(getTranslation("opportunity.created", created.name()));
            open(created);
        } catch (ConstraintViolationException e) {
            Notifications.error(e.getConstraintViolations().stream()
                    .map(violation -> fieldLabel(lastNode(violation.getPropertyPath().toString())) + ": "
                            + violation.getMessage())
                    .sorted()
                    .collect(Collectors.joining("; ")));
        } catch (IllegalArgumentException e) {
            Notifications.error(e.getMessage());
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    /** The field's label as the form shows it; the property's name for a field the form has no label for. */
    private String fieldLabel(String property) {
        String key = "opportunity.field." + property;
        String label = getTranslation(key);
        return label == null || label.isBlank() || label.contains(key) ? property : label;
    }

    /** The opportunity's own page; its path is the contract, so this list needs none of the page's classes. */
    private void open(Opportunity opportunity) {
        getUI().ifPresent(ui -> ui.navigate(OPPORTUNITY_PAGE + opportunity.id()));
    }

    private static String lastNode(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("opportunity.title");
    }
}
