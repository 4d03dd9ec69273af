package com.flowstate.opportunity.ui;

import java.util.List;

import com.flowstate.flow.FlowCatalogue;
import com.flowstate.flow.FlowCatalogue.Flow;
import com.flowstate.opportunity.InvalidOpportunityTypeException;
import com.flowstate.opportunity.OpportunityType;
import com.flowstate.opportunity.OpportunityTypeChange;
import com.flowstate.opportunity.OpportunityTypeService;
import com.flowstate.ui.Notifications;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.RolesAllowed;

/**
 * The opportunity types and the flow each starts, for admins: add a type, rename it, move it in the list, choose its
 * flow among the deployed ones (new opportunities only; running ones stay on theirs). The flows themselves are in the
 * flow catalogue ({@code flows}).
 */
@Route("admin/opportunity-types")
@RolesAllowed("ADMIN")
public class OpportunityTypesView extends VerticalLayout implements HasDynamicTitle {

    private final OpportunityTypeService types;
    private final FlowCatalogue catalogue;
    private final Grid<OpportunityType> grid = new Grid<>();

    OpportunityTypesView(OpportunityTypeService types, FlowCatalogue catalogue) {
        this.types = types;
        this.catalogue = catalogue;
        setId("opportunity-types-view");
        add(createToolbar(), createGrid());
        refresh();
    }

    private Component createToolbar() {
        H3 title = new H3(getTranslation("types.title"));
        title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE);
        Button create = new Button(getTranslation("types.new"), VaadinIcon.PLUS.create(), click -> openForm(null));
        create.setId("types-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        RouterLink flows = new RouterLink(getTranslation("types.flowCatalogue"), FlowsView.class);
        flows.setId("types-flow-catalogue");
        HorizontalLayout toolbar = new HorizontalLayout(title, flows, create);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.setFlexGrow(1, title);
        toolbar.setWrap(true);
        return toolbar;
    }

    private Component createGrid() {
        grid.setId("types-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(OpportunityType::position).setHeader(getTranslation("types.column.position"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(type -> OpportunityTypes.label(type, this::getTranslation))
                .setHeader(getTranslation("types.column.name")).setFlexGrow(2);
        grid.addColumn(OpportunityType::key).setHeader(getTranslation("types.column.key")).setAutoWidth(true);
        grid.addColumn(type -> flowLabel(type.flowKey())).setHeader(getTranslation("flows.column.startsOn"))
                .setFlexGrow(2);
        grid.addComponentColumn(type -> {
            Button edit = new Button(getTranslation("types.edit"), click -> openForm(type));
            edit.setId("types-edit-" + type.key());
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return edit;
        }).setAutoWidth(true).setFlexGrow(0);
        return grid;
    }

    private void refresh() {
        grid.setItems(types.types());
    }

    /** The form of a new type (null) or of one to edit, whose key stays as it is. */
    private void openForm(OpportunityType editing) {
        Dialog dialog = new Dialog();
        dialog.setId("types-dialog");
        dialog.setHeaderTitle(editing == null ? getTranslation("types.new")
                : getTranslation("types.editTitle", OpportunityTypes.label(editing, this::getTranslation)));
        TextField key = new TextField(getTranslation("types.column.key"));
        key.setId("types-key");
        key.setHelperText(getTranslation("types.keyHelp"));
        TextField name = new TextField(getTranslation("types.column.name"));
        name.setId("types-name");
        ComboBox<String> flow = new ComboBox<>(getTranslation("flows.column.startsOn"));
        flow.setId("types-flow");
        List<Flow> flows = catalogue.flows();
        flow.setItems(flows.stream().map(Flow::key).toList());
        flow.setItemLabelGenerator(flowKey -> flows.stream().filter(f -> f.key().equals(flowKey)).findFirst()
                .map(f -> f.name() + " (" + f.key() + ")").orElse(flowKey));
        flow.setPlaceholder(flowLabel(null));
        flow.setClearButtonVisible(true);
        IntegerField position = new IntegerField(getTranslation("types.column.position"));
        position.setId("types-position");
        position.setHelperText(getTranslation("types.positionHelp"));
        if (editing != null) {
            key.setValue(editing.key());
            key.setReadOnly(true);
            name.setValue(editing.name());
            flow.setValue(editing.flowKey());
            position.setValue(editing.position());
        }
        key.addValueChangeListener(change -> key.setInvalid(false));
        name.addValueChangeListener(change -> name.setInvalid(false));
        flow.addValueChangeListener(change -> flow.setInvalid(false));
        position.addValueChangeListener(change -> position.setInvalid(false));
        FormLayout form = new FormLayout(key, name, flow, position);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        form.setColspan(flow, 2);
        dialog.add(form);
        dialog.setWidth("min(40rem, 95vw)");
        Button save = new Button(getTranslation("action.save"), click -> {
            OpportunityTypeChange change = new OpportunityTypeChange(key.getValue(), name.getValue(),
                    flow.getValue(), position.getValue());
            try {
                OpportunityType saved = editing == null ? types.create(change) : types.update(editing.key(), change);
                dialog.close();
                refresh();
                Notifications.success(getTranslation("types.saved",
                        OpportunityTypes.label(saved, this::getTranslation), flowLabel(saved.flowKey())));
            } catch (InvalidOpportunityTypeException e) {
                HasValidation field = switch (e.field()) {
                    case "key" -> key;
                    case "flowKey" -> flow;
                    case "position" -> position;
                    default -> name;
                };
                field.setErrorMessage(e.reason().in(getLocale()));
                field.setInvalid(true);
            }
        });
        save.setId("types-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> dialog.close());
        dialog.getFooter().add(cancel, save);
        dialog.open();
        (editing == null ? key : name).focus();
    }

    private String flowLabel(String flowKey) {
        return flowKey == null ? getTranslation("flows.defaultFlow") : flowKey;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("types.title");
    }
}
