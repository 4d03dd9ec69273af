package com.flowstate.action.report.ui;

import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.flowstate.action.TemplateFieldException;
import com.flowstate.action.TemplateInUseException;
import com.flowstate.action.TemplateNotFoundException;
import com.flowstate.action.report.ReportDocument;
import com.flowstate.action.report.ReportTemplate;
import com.flowstate.action.report.ReportTemplateAdmin;
import com.flowstate.action.report.ReportTemplateDetails;
import com.flowstate.action.report.ReportTemplateService;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.opportunity.OpportunityFilter;
import com.flowstate.opportunity.OpportunityService;
import com.flowstate.security.PartnerScope;
import com.flowstate.ui.Notifications;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.RolesAllowed;

/**
 * Report templates for admins (issue 11): upload a .docx under a name (checked by filling it with sample data; the
 * reason appears at the name or under the upload), see the placeholders the selected template uses, download it
 * filled for a chosen opportunity, delete it unless a deployed flow sends it.
 */
@Route("admin/report-templates")
@RolesAllowed("ADMIN")
public class ReportTemplatesView extends VerticalLayout implements HasDynamicTitle {

    private static final ZoneId ZONE = ZoneId.of("Europe/Rome");

    private final ReportTemplateAdmin templates;
    private final OpportunityService opportunities;
    private final Grid<ReportTemplate> grid = new Grid<>();
    private final TextField name = new TextField();
    private Upload upload;
    private final Span fileError = new Span();
    private final VerticalLayout details = new VerticalLayout();
    private final DateTimeFormatter dateTimes;
    /** The opportunity a preview is made for; read by the download, which runs outside the UI's lock. */
    private volatile Long previewOpportunity;
    private volatile String selected;

    ReportTemplatesView(ReportTemplateAdmin templates, OpportunityService opportunities) {
        this.templates = templates;
        this.opportunities = opportunities;
        this.dateTimes = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(ZONE);
        setId("report-templates-view");
        add(heading("admin.reportTemplates.title"), createUploadForm(), createGrid(), details);
        details.setId("report-template-details");
        details.setPadding(false);
        details.setVisible(false);
        refresh();
    }

    private Component heading(String key) {
        H3 heading = new H3(getTranslation(key));
        heading.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.Bottom.NONE);
        return heading;
    }

    private Component createUploadForm() {
        name.setId("report-template-name");
        name.setLabel(getTranslation("admin.reportTemplates.name"));
        name.setHelperText(getTranslation("admin.reportTemplates.name.helper"));
        name.setMaxLength(100);
        name.setWidth("20rem");
        // The upload does not blur the field: its value must reach the server as it is typed.
        name.setValueChangeMode(ValueChangeMode.EAGER);

        upload = new Upload(UploadHandler.inMemory((metadata, data) -> uploaded(metadata.fileName(), data)));
        upload.setId("report-template-upload");
        upload.setAcceptedFileTypes(".docx", ReportTemplateService.DOCX_CONTENT_TYPE);
        upload.setMaxFiles(1);
        upload.setMaxFileSize(ReportTemplateAdmin.MAX_SIZE);
        upload.setI18n(uploadTexts());
        upload.addFileRejectedListener(event -> showFileError(getTranslation("admin.reportTemplates.rejected",
                ReportTemplateAdmin.MAX_SIZE / (1024 * 1024))));

        fileError.setId("report-template-file-error");
        fileError.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontSize.SMALL);
        fileError.setVisible(false);

        HorizontalLayout form = new HorizontalLayout(name, upload);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        return new VerticalLayout(form, fileError) {
            {
                setPadding(false);
                setSpacing(false);
            }
        };
    }

    private UploadI18N uploadTexts() {
        UploadI18N texts = new UploadI18N();
        texts.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("admin.reportTemplates.upload")));
        texts.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("admin.reportTemplates.drop")));
        texts.setError(new UploadI18N.Error()
                .setTooManyFiles(getTranslation("admin.reportTemplates.tooMany"))
                .setFileIsTooBig(getTranslation("admin.reportTemplates.rejected",
                        ReportTemplateAdmin.MAX_SIZE / (1024 * 1024)))
                .setIncorrectFileType(getTranslation("admin.reportTemplates.notDocxFile")));
        return texts;
    }

    private void uploaded(String fileName, byte[] docx) {
        String templateName = name.getValue().isBlank() ? baseName(fileName) : name.getValue();
        upload.clearFileList();
        clearErrors();
        try {
            ReportTemplateDetails saved = templates.upload(templateName, docx);
            name.clear();
            refresh();
            grid.select(grid.getListDataView().getItems().filter(t -> t.name().equals(saved.name())).findFirst()
                    .orElse(null));
            Notifications.success(getTranslation("admin.reportTemplates.saved", saved.name()));
        } catch (TemplateFieldException e) {
            String reason = e.reason().in(getLocale());
            if ("name".equals(e.field())) {
                name.setValue(templateName);
                name.setErrorMessage(reason);
                name.setInvalid(true);
            } else {
                showFileError(reason);
            }
        }
    }

    private static String baseName(String fileName) {
        String base = fileName == null ? "" : fileName.replaceAll("^.*[/\\\\]", "");
        return base.toLowerCase().endsWith(".docx") ? base.substring(0, base.length() - 5) : base;
    }

    private void showFileError(String message) {
        fileError.setText(message);
        fileError.setVisible(true);
    }

    private void clearErrors() {
        name.setInvalid(false);
        name.setErrorMessage(null);
        fileError.setVisible(false);
    }

    private Component createGrid() {
        grid.setId("report-template-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(ReportTemplate::name).setHeader(getTranslation("admin.reportTemplates.name"))
                .setFlexGrow(2).setAutoWidth(true);
        grid.addColumn(template -> kilobytes(template.size())).setHeader(getTranslation("admin.reportTemplates.size"))
                .setAutoWidth(true);
        grid.addColumn(template -> template.updatedAt() == null ? "" : dateTimes.format(template.updatedAt()))
                .setHeader(getTranslation("admin.reportTemplates.updatedAt")).setAutoWidth(true);
        grid.asSingleSelect().addValueChangeListener(event -> showDetails(event.getValue()));
        return grid;
    }

    private static String kilobytes(int bytes) {
        return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
    }

    private void refresh() {
        grid.setItems(templates.list());
    }

    private void showDetails(ReportTemplate template) {
        details.removeAll();
        selected = template == null ? null : template.name();
        details.setVisible(template != null);
        if (template == null) {
            return;
        }
        ReportTemplateDetails found = templates.details(template.name()).orElse(null);
        if (found == null) {
            refresh();
            return;
        }
        details.add(subheading(getTranslation("admin.reportTemplates.placeholders", found.name())));
        if (found.placeholders().isEmpty()) {
            details.add(new Paragraph(getTranslation("admin.reportTemplates.noPlaceholders")));
        } else {
            UnorderedList list = new UnorderedList();
            list.setId("report-template-placeholders");
            list.addClassNames(LumoUtility.Margin.Vertical.NONE);
            found.placeholders().forEach(placeholder -> list.add(new ListItem(new Span(placeholder) {
                {
                    addClassName(LumoUtility.FontWeight.MEDIUM);
                    getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
                }
            })));
            details.add(list);
        }
        details.add(createPreview(found), createDelete(found));
    }

    private static Component subheading(String text) {
        H3 heading = new H3(text);
        heading.addClassNames(LumoUtility.FontSize.MEDIUM, LumoUtility.Margin.Bottom.NONE);
        return heading;
    }

    private Component createPreview(ReportTemplateDetails template) {
        ComboBox<Opportunity> opportunity = new ComboBox<>(getTranslation("admin.reportTemplates.opportunity"));
        opportunity.setId("report-template-opportunity");
        opportunity.setItems(opportunities.list(PartnerScope.everything(), OpportunityFilter.empty(), null, 200));
        opportunity.setItemLabelGenerator(o -> "#" + o.id() + " " + o.name());
        opportunity.setWidth("22rem");
        previewOpportunity = null;
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> preview()), AttachmentType.DOWNLOAD,
                "");
        download.setId("report-template-preview");
        download.setTarget(AnchorTarget.BLANK);
        Button button = new Button(getTranslation("admin.reportTemplates.preview"), VaadinIcon.DOWNLOAD.create());
        button.setEnabled(false);
        download.add(button);
        opportunity.addValueChangeListener(event -> {
            previewOpportunity = event.getValue() == null ? null : event.getValue().id();
            button.setEnabled(event.getValue() != null);
        });
        HorizontalLayout row = new HorizontalLayout(opportunity, download);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    /** Asked for by the browser: the selected template filled for the chosen opportunity. */
    private DownloadResponse preview() {
        String template = selected;
        Long opportunityId = previewOpportunity;
        if (template == null || opportunityId == null) {
            return DownloadResponse.error(404);
        }
        try {
            ReportDocument document = templates.preview(template, opportunityId);
            return new DownloadResponse(new ByteArrayInputStream(document.content()), document.fileName(),
                    document.contentType(), document.content().length);
        } catch (TemplateFieldException | TemplateNotFoundException e) {
            return DownloadResponse.error(404);
        }
    }

    private Component createDelete(ReportTemplateDetails template) {
        Button delete = new Button(getTranslation("admin.reportTemplates.delete"), VaadinIcon.TRASH.create());
        delete.setId("report-template-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClickListener(event -> {
            try {
                templates.delete(template.name());
                Notifications.success(getTranslation("admin.reportTemplates.deleted", template.name()));
                grid.deselectAll();
                refresh();
            } catch (TemplateInUseException e) {
                Notifications.error(e.reason().in(getLocale()));
            } catch (TemplateNotFoundException e) {
                refresh();
            }
        });
        return delete;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.reportTemplates.title");
    }
}
