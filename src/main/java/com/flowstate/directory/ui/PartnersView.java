package com.flowstate.directory.ui;

import java.util.Map;

import com.flowstate.directory.InvalidInputException;
import com.flowstate.directory.PartnerAdminService;
import com.flowstate.directory.PartnerDetails;
import com.flowstate.directory.PartnerRequest;
import com.flowstate.partner.CompanyKind;
import com.flowstate.ui.Notifications;
import com.flowstate.ui.PhoneGrid;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.RolesAllowed;

/**
 * Partner companies for admins: the list (search by name), a dialog to create or edit one — name, kind, contact
 * e-mail, the zones it serves as typed ({@code MI, 201*}) — and deactivate / reactivate. A refusal shows at its field.
 */
@Route(PartnersView.PATH)
@RolesAllowed("ADMIN")
public class PartnersView extends VerticalLayout implements HasDynamicTitle {

    static final String PATH = "admin/partners";

    private final PartnerAdminService partners;
    private final Grid<PartnerDetails> grid = new Grid<>();
    private final TextField search = new TextField();
    private Grid.Column<PartnerDetails> card;

    PartnersView(PartnerAdminService partners) {
        this.partners = partners;
        setMaxWidth("80rem");
        add(createHeader(), createToolbar(), createGrid());
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.partners.title");
    }

    private Component createHeader() {
        H2 title = new H2(getTranslation("admin.partners.title"));
        title.addClassNames(LumoUtility.Margin.NONE, LumoUtility.FontSize.XLARGE);
        return title;
    }

    private Component createToolbar() {
        search.setId("partner-search");
        search.setPlaceholder(getTranslation("admin.partners.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(change -> refresh());
        Button create = new Button(getTranslation("admin.partners.new"), VaadinIcon.PLUS.create(),
                click -> openEditor(null));
        create.setId("partner-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout toolbar = new HorizontalLayout(search, create);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        toolbar.setWrap(true);
        return toolbar;
    }

    private Grid<PartnerDetails> createGrid() {
        grid.setId("partner-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(PartnerDetails::name).setHeader(getTranslation("admin.partners.name")).setFlexGrow(2);
        grid.addColumn(partner -> getTranslation("admin.partners.kind." + partner.kind().name()))
                .setHeader(getTranslation("admin.partners.kind")).setAutoWidth(true);
        grid.addColumn(PartnerDetails::zonesLabel).setHeader(getTranslation("admin.partners.zones")).setFlexGrow(2);
        grid.addColumn(PartnerDetails::email).setHeader(getTranslation("admin.partners.email")).setFlexGrow(2);
        grid.addComponentColumn(this::status).setHeader(getTranslation("admin.partners.status")).setAutoWidth(true);
        grid.addColumn(PartnerDetails::users).setHeader(getTranslation("admin.partners.users")).setAutoWidth(true);
        card = grid.addComponentColumn(this::card).setHeader(getTranslation("admin.partners.title"));
        // On a phone the grid is this one column of cards.
        PhoneGrid.of(grid, card);
        grid.addItemClickListener(click -> openEditor(click.getItem()));
        grid.setWidthFull();
        return grid;
    }

    private Component status(PartnerDetails partner) {
        Span status = new Span(getTranslation(partner.active() ? "admin.partners.active" : "admin.partners.inactive"));
        status.getElement().getThemeList().add(partner.active() ? "badge success" : "badge contrast");
        return status;
    }

    /** The partner on a phone: name and status, then kind and zones. */
    private Component card(PartnerDetails partner) {
        Span name = new Span(partner.name());
        name.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        HorizontalLayout top = new HorizontalLayout(name, status(partner));
        top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        Span detail = new Span(getTranslation("admin.partners.kind." + partner.kind().name()) + " · "
                + partner.zonesLabel());
        detail.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        Div card = new Div(top, detail);
        card.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN);
        return card;
    }

    private void refresh() {
        // Lazy: the service pages and filters in SQL.
        grid.setItems(query -> partners.list(search.getValue(), query.getOffset(), query.getLimit()).stream());
    }

    private void openEditor(PartnerDetails partner) {
        Dialog dialog = new Dialog();
        dialog.setId("partner-dialog");
        dialog.setHeaderTitle(partner == null ? getTranslation("admin.partners.new")
                : getTranslation("admin.partners.edit", partner.name()));
        TextField name = new TextField(getTranslation("admin.partners.name"));
        name.setId("partner-name");
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(200);
        Select<CompanyKind> kind = new Select<>();
        kind.setId("partner-kind");
        kind.setLabel(getTranslation("admin.partners.kind"));
        kind.setItems(CompanyKind.INSTALLER, CompanyKind.SELLER);
        kind.setItemLabelGenerator(value -> getTranslation("admin.partners.kind." + value.name()));
        kind.setRequiredIndicatorVisible(true);
        EmailField email = new EmailField(getTranslation("admin.partners.email"));
        email.setId("partner-email");
        TextField zones = new TextField(getTranslation("admin.partners.zones"));
        zones.setId("partner-zones");
        zones.setHelperText(getTranslation("admin.partners.zones.helper"));
        if (partner != null) {
            name.setValue(partner.name());
            kind.setValue(partner.kind());
            email.setValue(partner.email() == null ? "" : partner.email());
            zones.setValue(partner.zonesLabel());
        } else {
            kind.setValue(CompanyKind.INSTALLER);
        }
        FormLayout form = new FormLayout(name, kind, email, zones);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        form.setColspan(zones, 2);
        dialog.add(form);
        FieldErrors errors = new FieldErrors(Map.<String, HasValidation>of("name", name, "kind", kind,
                "email", email, "provinces", zones, "postalCodePrefixes", zones));

        Button save = new Button(getTranslation("admin.save"), click -> {
            PartnerRequest request = PartnerAdminService.withZones(name.getValue(), kind.getValue(),
                    email.getValue(), zones.getValue());
            try {
                PartnerDetails saved = partner == null ? partners.create(request)
                        : partners.update(partner.id(), request);
                dialog.close();
                refresh();
                Notifications.success(getTranslation("admin.partners.saved", saved.name()));
            } catch (InvalidInputException refused) {
                errors.show(this, refused);
            }
        });
        save.setId("partner-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("admin.cancel"), click -> dialog.close());
        cancel.setId("partner-cancel");
        if (partner != null) {
            Button active = new Button(getTranslation(partner.active() ? "admin.partners.deactivate"
                    : "admin.partners.reactivate"), click -> {
                PartnerDetails changed = partners.setActive(partner.id(), !partner.active());
                dialog.close();
                refresh();
                Notifications.success(getTranslation(changed.active() ? "admin.partners.reactivated"
                        : "admin.partners.deactivated", changed.name()));
            });
            active.setId(partner.active() ? "partner-deactivate" : "partner-reactivate");
            active.addThemeVariants(partner.active() ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_SUCCESS);
            active.getStyle().set("margin-inline-end", "auto");
            dialog.getFooter().add(active);
        }
        dialog.getFooter().add(cancel, save);
        dialog.setWidth("40rem");
        dialog.setMaxWidth("100%");
        dialog.open();
        name.focus();
    }

}
