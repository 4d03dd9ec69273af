package com.flowstate.opportunity.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import com.flowstate.flow.FlowCatalogue;
import com.flowstate.flow.FlowCatalogue.Flow;
import com.flowstate.flow.FlowCatalogue.FlowVersion;
import com.flowstate.flow.FlowMigrations;
import com.flowstate.flow.FlowMigrations.MigratingOpportunity;
import com.flowstate.flow.FlowMigrations.MigrationReport;
import com.flowstate.opportunity.OpportunityType;
import com.flowstate.opportunity.OpportunityTypeService;
import com.flowstate.security.CurrentUser;
import com.flowstate.security.Role;
import com.flowstate.ui.Notifications;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.RolesAllowed;

/**
 * The flow catalogue: every flow designers deployed (a process with substates), its versions and how many
 * opportunities run on each; and the opportunity types with the flow each starts, which an admin chooses here.
 */
@Route("flows")
@RolesAllowed({"ADMIN", "DESIGNER"})
public class FlowsView extends VerticalLayout implements HasDynamicTitle {

    private static final ZoneId ZONE = ZoneId.of("Europe/Rome");
    /** Cockpit's page of a process definition: its diagram with the running instances on it. */
    private static final String COCKPIT_DEFINITION = "/camunda/app/cockpit/default/#/process-definition/";

    private final FlowCatalogue catalogue;
    private final FlowMigrations migrations;
    private final OpportunityTypeService types;
    private final boolean admin = CurrentUser.require().hasRole(Role.ADMIN);
    private final DateTimeFormatter dateTimes;
    private final Grid<OpportunityType> typeGrid = new Grid<>();
    private final Grid<Flow> flowGrid = new Grid<>();

    FlowsView(FlowCatalogue catalogue, FlowMigrations migrations, OpportunityTypeService types) {
        this.catalogue = catalogue;
        this.migrations = migrations;
        this.types = types;
        this.dateTimes = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(ZONE);
        List<Flow> flows = catalogue.flows();
        add(heading("flows.title.flows"), flowGrid, heading("flows.title.types"), createTypeGrid(flows));
        configureFlowGrid(flows);
    }

    private Component heading(String key) {
        H3 heading = new H3(getTranslation(key));
        heading.addClassNames(LumoUtility.FontSize.MEDIUM, LumoUtility.Margin.Bottom.NONE);
        return heading;
    }

    private void configureFlowGrid(List<Flow> flows) {
        Grid<Flow> grid = flowGrid;
        grid.setId("flow-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(Flow::key).setHeader(getTranslation("flows.column.key")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::flowName).setHeader(getTranslation("flows.column.name")).setFlexGrow(2)
                .setTooltipGenerator(this::flowName);
        grid.addColumn(flow -> "v" + flow.latest().version()).setHeader(getTranslation("flows.column.version"))
                .setAutoWidth(true);
        grid.addColumn(flow -> format(flow.latest().deployedAt())).setHeader(getTranslation("flows.column.deployedAt"))
                .setAutoWidth(true);
        grid.addColumn(flow -> flow.versions().stream().mapToLong(FlowVersion::runningOpportunities).sum())
                .setHeader(getTranslation("flows.column.running")).setAutoWidth(true);
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(this::details));
        grid.setItems(flows);
    }

    private String flowName(Flow flow) {
        return flow.isDefault() ? flow.name() + " · " + getTranslation("flows.default") : flow.name();
    }

    /** A flow's substates and every version, newest first, with the opportunities still running on it. */
    private Component details(Flow flow) {
        Span substates = new Span(getTranslation("flows.details.substates") + ": "
                + String.join(" → ", flow.substates().stream().map(substate -> substate.name(getLocale())).toList()));
        Div details = new Div(substates);
        for (FlowVersion version : flow.versions()) {
            Span line = new Span(getTranslation("flows.details.version", version.version(),
                    format(version.deployedAt()), version.runningOpportunities(),
                    version.deployedBy() == null ? "—" : version.deployedBy()));
            line.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
            HorizontalLayout row = new HorizontalLayout(line);
            row.setAlignItems(Alignment.BASELINE);
            if (admin) {
                Anchor diagram = new Anchor(COCKPIT_DEFINITION + version.processDefinitionId(),
                        getTranslation("flows.details.diagram"));
                diagram.setTarget("_blank");
                diagram.addClassNames(LumoUtility.FontSize.SMALL);
                row.add(diagram);
                if (version.version() != flow.latest().version() && version.runningOpportunities() > 0) {
                    row.add(migrateButton(flow, version));
                }
            }
            details.add(row);
        }
        details.addClassNames("flow-details", LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN,
                LumoUtility.Gap.XSMALL, LumoUtility.Padding.SMALL);
        return details;
    }

    /** Moves the version's running opportunities to the latest version, after showing what the dry run found. */
    private Button migrateButton(Flow flow, FlowVersion from) {
        int to = flow.latest().version();
        Button migrate = new Button(getTranslation("flows.migrate", to), click -> confirmMigration(flow, from, to));
        migrate.setId("migrate-" + flow.key() + "-v" + from.version());
        migrate.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return migrate;
    }

    private void confirmMigration(Flow flow, FlowVersion from, int to) {
        MigrationReport dryRun = migrations.dryRun(flow.key(), from.version(), to);
        List<MigratingOpportunity> blocked = dryRun.opportunities().stream().filter(o -> !o.unmapped().isEmpty())
                .toList();
        long movable = dryRun.opportunities().size() - blocked.size();
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("migration-dialog");
        dialog.setHeader(getTranslation("flows.migrate.title", flow.key(), from.version(), to));
        VerticalLayout text = new VerticalLayout(new Span(dryRun.plannable()
                ? getTranslation("flows.migrate.movable", movable, blocked.size())
                : getTranslation("flows.migrate.impossible", String.join("; ", dryRun.problems()))));
        text.setPadding(false);
        blocked.stream().limit(20).forEach(o -> text.add(new Span(getTranslation("flows.migrate.blocked",
                String.valueOf(o.opportunityId()), String.join(", ", o.unmapped())))));
        dialog.setText(text);
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.setConfirmText(getTranslation("flows.migrate.confirm", movable));
        dialog.setConfirmButtonTheme("primary");
        if (!dryRun.plannable() || movable == 0) {
            dialog.setConfirmButton(new Button(getTranslation("action.cancel"), click -> dialog.close()));
        } else {
            dialog.addConfirmListener(confirm -> {
                MigrationReport done = migrations.migrate(flow.key(), from.version(), to,
                        CurrentUser.require().getUsername());
                Notifications.success(getTranslation("flows.migrate.done", done.migrated(), flow.key(), to));
                flowGrid.setItems(catalogue.flows());
            });
        }
        dialog.open();
    }

    private Grid<OpportunityType> createTypeGrid(List<Flow> flows) {
        typeGrid.setId("opportunity-type-grid");
        typeGrid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        typeGrid.setAllRowsVisible(true);
        typeGrid.addColumn(type -> OpportunityTypes.label(type, this::getTranslation))
                .setHeader(getTranslation("flows.column.type")).setAutoWidth(true);
        List<String> keys = flows.stream().map(Flow::key).toList();
        typeGrid.addComponentColumn(type -> admin ? flowChoice(type, keys) : new Span(flowLabel(type.flowKey())))
                .setHeader(getTranslation("flows.column.startsOn")).setFlexGrow(1);
        typeGrid.setItems(types.types());
        return typeGrid;
    }

    private Component flowChoice(OpportunityType type, List<String> flowKeys) {
        ComboBox<String> choice = new ComboBox<>();
        choice.setId("type-flow-" + type.key());
        choice.setItems(flowKeys);
        choice.setPlaceholder(flowLabel(null));
        choice.setClearButtonVisible(true);
        choice.setValue(type.flowKey());
        choice.setWidthFull();
        choice.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                types.chooseFlow(type.key(), change.getValue());
                Notifications.success(getTranslation("flows.saved", OpportunityTypes.label(type, this::getTranslation),
                        flowLabel(change.getValue())));
            }
        });
        return choice;
    }

    private String flowLabel(String flowKey) {
        return flowKey == null ? getTranslation("flows.defaultFlow") : flowKey;
    }

    private String format(Instant instant) {
        return instant == null ? "" : dateTimes.format(instant);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("flows.title");
    }
}
