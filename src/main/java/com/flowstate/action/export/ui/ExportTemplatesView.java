package com.flowstate.action.export.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.flowstate.action.TemplateFieldException;
import com.flowstate.action.TemplateInUseException;
import com.flowstate.action.TemplateNotFoundException;
import com.flowstate.action.export.ExportExtension;
import com.flowstate.action.export.ExportFilter;
import com.flowstate.action.export.ExportTemplate;
import com.flowstate.action.export.ExportTemplateAdmin;
import com.flowstate.action.export.ExportType;
import com.flowstate.flow.CronSchedule;
import com.flowstate.mail.SmtpCredential;
import com.flowstate.mail.SmtpCredentialService;
import com.flowstate.ui.Notifications;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.RolesAllowed;

/**
 * Export templates for admins (issue 11): what to export (type, columns picked and ordered, filter), as which file,
 * to whom through which SMTP account, at most how many rows, and on which schedule — with the next three runs shown
 * in Europe/Rome as the engine will compute them. A saved schedule change is redeployed at once.
 */
@Route("admin/export-templates")
@RolesAllowed("ADMIN")
public class ExportTemplatesView extends VerticalLayout implements HasDynamicTitle {

    private static final ZoneId ZONE = CronSchedule.ZONE;

    private final ExportTemplateAdmin templates;
    private final Grid<ExportTemplate> grid = new Grid<>();
    private final TextField name = new TextField();
    private final Select<ExportType> type = new Select<>();
    private final Select<ExportExtension> extension = new Select<>();
    private final TextField recipient = new TextField();
    private final ComboBox<String> smtp = new ComboBox<>();
    private final TextField cron = new TextField();
    private final Span nextRunsTitle = new Span();
    private final UnorderedList nextRuns = new UnorderedList();
    private final IntegerField maxRows = new IntegerField();
    private final TextField provinces = new TextField();
    private final IntegerField createdWithinDays = new IntegerField();
    private final TextField openSubstate = new TextField();
    private final TextField activityType = new TextField();
    private final Select<Boolean> completed = new Select<>();
    private final Select<Boolean> status = new Select<>();
    private final TextField templateFilter = new TextField();
    private final ExportColumnPicker columns;
    private final Button delete = new Button();
    private final H3 formTitle = new H3();
    private final DateTimeFormatter runTimes;
    /** The template being edited; null while creating one. */
    private ExportTemplate editing;

    ExportTemplatesView(ExportTemplateAdmin templates, SmtpCredentialService credentials) {
        this.templates = templates;
        this.columns = new ExportColumnPicker(getTranslation("admin.exportTemplates.columnUp"),
                getTranslation("admin.exportTemplates.columnDown"));
        this.runTimes = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(ZONE);
        setId("export-templates-view");
        smtp.setItems(credentials.findAll().stream().map(SmtpCredential::name).toList());
        add(heading("admin.exportTemplates.title"), createToolbar(), createGrid(), formTitle, createForm());
        formTitle.addClassNames(LumoUtility.FontSize.MEDIUM, LumoUtility.Margin.Bottom.NONE);
        refresh();
        edit(null);
    }

    private Component heading(String key) {
        H3 heading = new H3(getTranslation(key));
        heading.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.Bottom.NONE);
        return heading;
    }

    private Component createToolbar() {
        Button create = new Button(getTranslation("admin.exportTemplates.new"), VaadinIcon.PLUS.create(),
                event -> {
                    grid.deselectAll();
                    edit(null);
                });
        create.setId("export-template-new");
        return create;
    }

    private Component createGrid() {
        grid.setId("export-template-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(ExportTemplate::name).setHeader(getTranslation("admin.exportTemplates.name"))
                .setAutoWidth(true).setFlexGrow(2);
        grid.addColumn(template -> typeLabel(template.exportType()))
                .setHeader(getTranslation("admin.exportTemplates.type")).setAutoWidth(true);
        grid.addColumn(template -> template.extension().fileSuffix())
                .setHeader(getTranslation("admin.exportTemplates.extension")).setAutoWidth(true);
        grid.addColumn(ExportTemplate::recipient).setHeader(getTranslation("admin.exportTemplates.recipient"))
                .setAutoWidth(true);
        grid.addColumn(template -> template.isScheduled() ? template.scheduleCron() : "")
                .setHeader(getTranslation("admin.exportTemplates.schedule")).setAutoWidth(true);
        grid.asSingleSelect().addValueChangeListener(event -> {
            if (event.isFromClient() || event.getValue() != null) {
                edit(event.getValue());
            }
        });
        return grid;
    }

    private Component createForm() {
        name.setId("export-template-name");
        name.setLabel(getTranslation("admin.exportTemplates.name"));
        name.setMaxLength(100);
        name.setRequiredIndicatorVisible(true);

        type.setId("export-template-type");
        type.setLabel(getTranslation("admin.exportTemplates.type"));
        type.setItems(ExportType.values());
        type.setItemLabelGenerator(this::typeLabel);
        type.addValueChangeListener(event -> {
            if (event.getValue() != null) {
                columns.show(ExportTemplateAdmin.columnsOf(event.getValue()),
                        editing != null && editing.exportType() == event.getValue() ? editing.columns() : List.of());
                showFiltersOf(event.getValue());
            }
        });

        extension.setId("export-template-extension");
        extension.setLabel(getTranslation("admin.exportTemplates.extension"));
        extension.setItems(ExportExtension.values());
        extension.setItemLabelGenerator(ExportExtension::fileSuffix);

        recipient.setId("export-template-recipient");
        recipient.setLabel(getTranslation("admin.exportTemplates.recipient"));
        recipient.setHelperText(getTranslation("admin.exportTemplates.recipient.helper"));
        recipient.setMaxLength(320);

        smtp.setId("export-template-smtp");
        smtp.setLabel(getTranslation("admin.exportTemplates.smtp"));

        cron.setId("export-template-cron");
        cron.setLabel(getTranslation("admin.exportTemplates.schedule"));
        cron.setHelperText(getTranslation("admin.exportTemplates.schedule.helper"));
        cron.setPlaceholder("0 0 7 * * MON-FRI");
        cron.setClearButtonVisible(true);
        cron.setWidth("22rem");
        cron.setValueChangeMode(ValueChangeMode.LAZY);
        cron.addValueChangeListener(event -> showNextRuns());
        nextRuns.setId("export-template-next-runs");
        nextRuns.addClassNames(LumoUtility.Margin.Vertical.XSMALL, LumoUtility.FontSize.SMALL);
        nextRunsTitle.setId("export-template-next-runs-title");
        nextRunsTitle.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY,
                LumoUtility.Display.BLOCK);

        maxRows.setId("export-template-max-rows");
        maxRows.setLabel(getTranslation("admin.exportTemplates.maxRows"));
        maxRows.setHelperText(getTranslation("admin.exportTemplates.maxRows.helper"));
        maxRows.setMin(1);

        FormLayout what = new FormLayout(name, type, extension, recipient, smtp, maxRows);
        what.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40rem", 3));

        Div schedule = new Div(cron, nextRunsTitle, nextRuns);
        schedule.setId("export-template-schedule");

        VerticalLayout form = new VerticalLayout(what, schedule, subheading("admin.exportTemplates.filter"),
                createFilter(), subheading("admin.exportTemplates.columns"), columns, createButtons());
        form.setPadding(false);
        return form;
    }

    private Component createFilter() {
        provinces.setId("export-template-filter-provinces");
        provinces.setLabel(getTranslation("admin.exportTemplates.filter.provinces"));
        provinces.setHelperText(getTranslation("admin.exportTemplates.filter.provinces.helper"));
        createdWithinDays.setId("export-template-filter-created-within-days");
        createdWithinDays.setLabel(getTranslation("admin.exportTemplates.filter.createdWithinDays"));
        createdWithinDays.setMin(1);
        openSubstate.setId("export-template-filter-open-substate");
        openSubstate.setLabel(getTranslation("admin.exportTemplates.filter.openSubstate"));
        activityType.setId("export-template-filter-activity-type");
        activityType.setLabel(getTranslation("admin.exportTemplates.filter.activityType"));
        configureYesNo(completed, "export-template-filter-completed", "admin.exportTemplates.filter.completed");
        configureYesNo(status, "export-template-filter-status", "admin.exportTemplates.filter.status");
        templateFilter.setId("export-template-filter-template");
        templateFilter.setLabel(getTranslation("admin.exportTemplates.filter.template"));
        FormLayout filter = new FormLayout(provinces, createdWithinDays, openSubstate, activityType, completed,
                status, templateFilter);
        filter.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40rem", 3));
        return filter;
    }

    private void configureYesNo(Select<Boolean> select, String id, String labelKey) {
        select.setId(id);
        select.setLabel(getTranslation(labelKey));
        select.setItems(Boolean.TRUE, Boolean.FALSE);
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(getTranslation("admin.exportTemplates.filter.any"));
        select.setItemLabelGenerator(value -> value == null ? getTranslation("admin.exportTemplates.filter.any")
                : getTranslation("admin.exportTemplates.filter." + value));
    }

    private Component createButtons() {
        Button save = new Button(getTranslation("admin.exportTemplates.save"), VaadinIcon.CHECK.create(),
                event -> save());
        save.setId("export-template-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        delete.setText(getTranslation("admin.exportTemplates.delete"));
        delete.setIcon(VaadinIcon.TRASH.create());
        delete.setId("export-template-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClickListener(event -> deleteEdited());
        return new HorizontalLayout(save, delete);
    }

    private Component subheading(String key) {
        Span heading = new Span(getTranslation(key));
        heading.addClassNames(LumoUtility.FontWeight.SEMIBOLD, LumoUtility.Margin.Top.SMALL);
        return heading;
    }

    private void showFiltersOf(ExportType exportType) {
        var fields = ExportFilter.typeFields(exportType);
        openSubstate.setVisible(fields.contains("openSubstate"));
        activityType.setVisible(fields.contains("activityType"));
        completed.setVisible(fields.contains("completed"));
        status.setVisible(fields.contains("status"));
        templateFilter.setVisible(fields.contains("template"));
    }

    /** Shows the next runs of the cron typed so far, or the reason it cannot run at the field. */
    private void showNextRuns() {
        nextRuns.removeAll();
        nextRunsTitle.setText("");
        String value = cron.getValue();
        cron.setInvalid(false);
        if (value == null || value.isBlank()) {
            nextRunsTitle.setText(getTranslation("admin.exportTemplates.notScheduled"));
            return;
        }
        try {
            List<Instant> runs = ExportTemplateAdmin.nextRuns(value);
            nextRunsTitle.setText(getTranslation("admin.exportTemplates.nextRuns"));
            runs.forEach(run -> nextRuns.add(new ListItem(runTimes.format(run))));
        } catch (TemplateFieldException e) {
            showError(e);
        }
    }

    private void edit(ExportTemplate template) {
        editing = template;
        clearErrors();
        ExportTemplate shown = template != null ? template
                : new ExportTemplate("", ExportType.OPPORTUNITIES, List.of(), ExportFilter.none(),
                ExportExtension.XLSX, "", null, null);
        formTitle.setText(template == null ? getTranslation("admin.exportTemplates.creating")
                : getTranslation("admin.exportTemplates.editing", template.name()));
        name.setValue(shown.name());
        name.setReadOnly(template != null);
        type.setValue(shown.exportType());
        columns.show(ExportTemplateAdmin.columnsOf(shown.exportType()), shown.columns());
        showFiltersOf(shown.exportType());
        extension.setValue(shown.extension());
        recipient.setValue(shown.recipient());
        smtp.setValue(shown.smtpCredentialName());
        cron.setValue(Optional.ofNullable(shown.scheduleCron()).orElse(""));
        maxRows.setValue(shown.maxRows());
        ExportFilter filter = shown.filter();
        provinces.setValue(String.join(", ", filter.provinces()));
        createdWithinDays.setValue(filter.createdWithinDays());
        openSubstate.setValue(Optional.ofNullable(filter.openSubstate()).orElse(""));
        activityType.setValue(Optional.ofNullable(filter.activityType()).orElse(""));
        completed.setValue(filter.completed());
        status.setValue(filter.status());
        templateFilter.setValue(Optional.ofNullable(filter.template()).orElse(""));
        delete.setVisible(template != null);
        showNextRuns();
    }

    private ExportTemplate formValue() {
        ExportType exportType = type.getValue();
        var fields = exportType == null ? java.util.Set.<String>of() : ExportFilter.typeFields(exportType);
        ExportFilter filter = new ExportFilter(
                Arrays.stream(provinces.getValue().split("[,\\s]+")).filter(p -> !p.isBlank()).toList(),
                createdWithinDays.getValue(),
                fields.contains("openSubstate") ? blankToNull(openSubstate.getValue()) : null,
                fields.contains("activityType") ? blankToNull(activityType.getValue()) : null,
                fields.contains("completed") ? completed.getValue() : null,
                fields.contains("status") ? status.getValue() : null,
                fields.contains("template") ? blankToNull(templateFilter.getValue()) : null);
        return new ExportTemplate(name.getValue(), exportType, columns.value(), filter, extension.getValue(),
                recipient.getValue(), smtp.getValue(), cron.getValue(), maxRows.getValue());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private void save() {
        if (maxRows.isInvalid() || createdWithinDays.isInvalid()) {
            return; // the field already says what is wrong with what was typed (not a number)
        }
        clearErrors();
        try {
            ExportTemplate saved = editing == null ? templates.create(formValue())
                    : templates.update(editing.name(), formValue());
            Notifications.success(getTranslation("admin.exportTemplates.saved", saved.name()));
            refresh();
            grid.select(saved);
            edit(saved);
        } catch (TemplateFieldException e) {
            showError(e);
        } catch (TemplateNotFoundException e) {
            refresh();
            edit(null);
        }
    }

    private void deleteEdited() {
        if (editing == null) {
            return;
        }
        try {
            templates.delete(editing.name());
            Notifications.success(getTranslation("admin.exportTemplates.deleted", editing.name()));
            grid.deselectAll();
            refresh();
            edit(null);
        } catch (TemplateInUseException e) {
            Notifications.error(e.reason().in(getLocale()));
        } catch (TemplateNotFoundException e) {
            refresh();
            edit(null);
        }
    }

    private void showError(TemplateFieldException e) {
        String message = e.reason().in(getLocale());
        if ("columns".equals(e.field())) {
            columns.setError(message);
            return;
        }
        HasValidation field = fields().get(e.field());
        if (field == null) {
            Notifications.error(message);
            return;
        }
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new HashMap<>();
        fields.put("name", name);
        fields.put("exportType", type);
        fields.put("extension", extension);
        fields.put("recipient", recipient);
        fields.put("smtpCredentialName", smtp);
        fields.put("scheduleCron", cron);
        fields.put("maxRows", maxRows);
        fields.put("filter.provinces", provinces);
        fields.put("filter.createdWithinDays", createdWithinDays);
        fields.put("filter.openSubstate", openSubstate);
        fields.put("filter.activityType", activityType);
        fields.put("filter.completed", completed);
        fields.put("filter.status", status);
        fields.put("filter.template", templateFilter);
        return fields;
    }

    private void clearErrors() {
        fields().values().forEach(field -> {
            field.setInvalid(false);
            field.setErrorMessage(null);
        });
        columns.setError(null);
    }

    private void refresh() {
        grid.setItems(templates.list());
    }

    private String typeLabel(ExportType exportType) {
        return exportType == null ? "" : getTranslation("history.export.type." + exportType.name());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.exportTemplates.title");
    }
}
