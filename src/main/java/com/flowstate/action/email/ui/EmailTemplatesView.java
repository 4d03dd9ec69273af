package com.flowstate.action.email.ui;

import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.flowstate.action.email.EmailTemplate;
import com.flowstate.action.email.EmailTemplateInUseException;
import com.flowstate.action.email.EmailTemplateNotFoundException;
import com.flowstate.action.email.EmailTemplateProblem;
import com.flowstate.action.email.EmailTemplateService;
import com.flowstate.action.email.InvalidEmailTemplateException;
import com.flowstate.opportunity.CustomerLanguages;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.opportunity.OpportunityFilter;
import com.flowstate.opportunity.OpportunityNotFoundException;
import com.flowstate.opportunity.OpportunityService;
import com.flowstate.security.PartnerScope;
import com.flowstate.ui.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * E-mail templates for admins (issue 11): the list, and below it the template being edited with its preview beside it
 * (stacked on a phone). Saving checks the texts on the server, which answers with problems shown at their fields.
 */
@Route("admin/email-templates")
@RolesAllowed("ADMIN")
public class EmailTemplatesView extends VerticalLayout implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(EmailTemplatesView.class);

    private final EmailTemplateService templates;
    private final OpportunityService opportunities;
    private final TextField filter = new TextField();
    private final Grid<EmailTemplate> grid = new Grid<>();
    private final EmailTemplateForm form;

    EmailTemplatesView(EmailTemplateService templates, OpportunityService opportunities) {
        this.templates = templates;
        this.opportunities = opportunities;
        this.form = new EmailTemplateForm(templates.placeholders(), createOpportunityPicker());
        setId("email-templates-view");
        setWidthFull();
        configureGrid();
        configureForm();
        add(createToolbar(), grid, form);
        closeEditor();
    }

    private HorizontalLayout createToolbar() {
        filter.setId("email-template-filter");
        filter.setPlaceholder(getTranslation("admin.emailTemplates.filter"));
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(changed -> grid.getDataProvider().refreshAll());
        Button create = new Button(getTranslation("admin.emailTemplates.new"), VaadinIcon.PLUS.create(),
                clicked -> edit(null));
        create.setId("email-template-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // The search field takes what the button leaves, down to a phone's width (its default width would not fit).
        filter.setMinWidth("0");
        filter.getStyle().set("flex", "1 1 8rem");
        HorizontalLayout toolbar = new HorizontalLayout(filter, create);
        toolbar.setWidthFull();
        toolbar.setWrap(true);
        return toolbar;
    }

    private void configureGrid() {
        grid.setId("email-template-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(EmailTemplate::name).setHeader(getTranslation("admin.emailTemplates.column.name"))
                .setFlexGrow(2).setTooltipGenerator(EmailTemplate::name);
        grid.addColumn(this::languages).setHeader(getTranslation("admin.emailTemplates.column.languages"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(EmailTemplate::subject).setHeader(getTranslation("admin.emailTemplates.column.subject"))
                .setFlexGrow(3).setTooltipGenerator(EmailTemplate::subject);
        grid.setItems(query -> templates.page(filter.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> templates.count(filter.getValue()));
        grid.setHeight("min(15rem, 40vh)");
        grid.setMinHeight("9rem");
        grid.asSingleSelect().addValueChangeListener(selected -> {
            if (selected.isFromClient() && selected.getValue() != null) {
                edit(selected.getValue());
            }
        });
    }

    private String languages(EmailTemplate template) {
        return CustomerLanguages.ALL.stream().filter(template.variants()::containsKey)
                .map(String::toUpperCase).collect(Collectors.joining(" · "));
    }

    /** Newest opportunities first, found by name, customer, city or postal code as the user types. */
    private ComboBox<Opportunity> createOpportunityPicker() {
        ComboBox<Opportunity> picker = new ComboBox<>();
        picker.setItems(query -> opportunities.list(PartnerScope.everything(),
                new OpportunityFilter(query.getFilter().orElse(null)), null, query.getOffset() + query.getLimit())
                .stream().skip(query.getOffset()));
        return picker;
    }

    private void configureForm() {
        form.addSaveListener(saved -> save());
        form.addDeleteListener(deleted -> confirmDelete());
        form.addPreviewListener(previewed -> preview());
        form.addCloseListener(closed -> closeEditor());
    }

    private void edit(EmailTemplate template) {
        form.edit(template == null ? null : templates.require(template.id()));
        form.setVisible(true);
        if (template == null) {
            grid.asSingleSelect().clear();
        }
    }

    private void closeEditor() {
        form.edit(null);
        form.setVisible(false);
        grid.asSingleSelect().clear();
    }

    private void save() {
        EmailTemplate editing = form.editing();
        try {
            EmailTemplate saved = editing == null ? templates.create(form.draft())
                    : templates.update(editing.id(), form.draft());
            grid.getDataProvider().refreshAll();
            grid.select(saved);
            form.edit(saved);
            Notifications.success(getTranslation("admin.emailTemplates.saved", saved.name()));
        } catch (InvalidEmailTemplateException e) {
            log.info("E-mail template not saved: {}", e.getMessage());
            showProblems(e.problems());
        } catch (EmailTemplateNotFoundException e) {
            notFound(e);
        }
    }

    private void confirmDelete() {
        EmailTemplate editing = form.editing();
        if (editing == null) {
            return;
        }
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("email-template-delete-dialog");
        dialog.setHeader(getTranslation("admin.emailTemplates.delete.title", editing.name()));
        dialog.setText(getTranslation("admin.emailTemplates.delete.text"));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.setConfirmText(getTranslation("admin.emailTemplates.delete"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(confirmed -> delete(editing));
        dialog.open();
    }

    private void delete(EmailTemplate template) {
        try {
            templates.delete(template.id());
            grid.getDataProvider().refreshAll();
            closeEditor();
            Notifications.success(getTranslation("admin.emailTemplates.deleted", template.name()));
        } catch (EmailTemplateInUseException e) {
            log.info("E-mail template not deleted: {}", e.getMessage());
            Notifications.error(getTranslation("admin.emailTemplates.inUse", e.name(), String.join(", ", e.flows())));
        } catch (EmailTemplateNotFoundException e) {
            notFound(e);
        }
    }

    private void preview() {
        Opportunity opportunity = form.previewOpportunity();
        if (opportunity == null) {
            Notifications.error(getTranslation("admin.emailTemplates.preview.chooseOpportunity"));
            return;
        }
        String language = form.currentLanguage();
        try {
            form.clearProblems();
            form.showPreview(templates.preview(language, form.variant(language), opportunity.id()));
        } catch (InvalidEmailTemplateException e) {
            log.info("E-mail template preview refused: {}", e.getMessage());
            showProblems(e.problems());
        } catch (OpportunityNotFoundException e) {
            Notifications.error(getTranslation("admin.emailTemplates.preview.noOpportunity", opportunity.id()));
        }
    }

    private void showProblems(List<EmailTemplateProblem> problems) {
        List<EmailTemplateProblem> unplaced = form.showProblems(problems);
        Notifications.error(unplaced.isEmpty() ? getTranslation("admin.emailTemplates.invalid")
                : unplaced.stream().map(problem -> problem.reason().in(getLocale()))
                        .collect(Collectors.joining(" · ")));
    }

    private void notFound(EmailTemplateNotFoundException e) {
        log.info("E-mail template gone: {}", e.getMessage());
        Notifications.error(getTranslation("admin.emailTemplates.gone"));
        grid.getDataProvider().refreshAll();
        closeEditor();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.emailTemplates.title");
    }
}
