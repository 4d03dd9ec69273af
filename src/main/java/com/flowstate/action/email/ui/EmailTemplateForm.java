package com.flowstate.action.email.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.flowstate.action.email.EmailTemplate;
import com.flowstate.action.email.EmailTemplateDraft;
import com.flowstate.action.email.EmailTemplateProblem;
import com.flowstate.action.email.EmailTemplateVariant;
import com.flowstate.action.email.RenderedEmail;
import com.flowstate.opportunity.CustomerLanguages;
import com.flowstate.opportunity.Opportunity;
import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * Edits one e-mail template: its name and a tab per language (subject, HTML body, text body), a placeholder picker
 * that inserts at the cursor of the field last edited, and a preview for a chosen opportunity. It fires events; the
 * view calls the service and hands back what it says (problems at their fields, the rendered preview).
 */
class EmailTemplateForm extends VerticalLayout {

    private final TextField name = new TextField();
    private final TabSheet languages = new TabSheet();
    private final Map<String, Tab> tabs = new LinkedHashMap<>();
    private final Map<String, TextField> subjects = new HashMap<>();
    private final Map<String, TextArea> htmlBodies = new HashMap<>();
    private final Map<String, TextArea> textBodies = new HashMap<>();
    private final Map<String, AbstractField<?, String>> lastEdited = new HashMap<>();
    private final ComboBox<String> placeholder = new ComboBox<>();
    private final ComboBox<Opportunity> opportunity;
    private final Button delete = new Button();
    private final Span previewSubject = new Span();
    private final IFrame previewHtml = new IFrame();
    private final Pre previewText = new Pre();
    private final VerticalLayout preview = new VerticalLayout();
    private EmailTemplate editing;

    EmailTemplateForm(List<String> placeholders, ComboBox<Opportunity> opportunity) {
        this.opportunity = opportunity;
        setId("email-template-form");
        setPadding(false);
        setMinWidth("0");
        VerticalLayout editor = new VerticalLayout(createLanguages(), createPlaceholderPicker(placeholders),
                createButtons());
        editor.setPadding(false);
        VerticalLayout previewColumn = createPreview();
        // Side by side where there is room (the preview next to the texts it fills), stacked on a phone.
        FlexLayout columns = new FlexLayout(editor, previewColumn);
        columns.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        columns.getStyle().set("gap", "var(--lumo-space-l)");
        columns.setWidthFull();
        for (var column : List.of(editor, previewColumn)) {
            column.setMinWidth("0");
            columns.setFlexShrink(1, column);
        }
        columns.setFlexBasis("26rem", editor);
        columns.setFlexGrow(3, editor);
        columns.setFlexBasis("18rem", previewColumn);
        columns.setFlexGrow(2, previewColumn);
        add(createTitle(), createName(), columns);
    }

    private H3 createTitle() {
        H3 title = new H3(getTranslation("admin.emailTemplates.form.title"));
        title.addClassNames(LumoUtility.FontSize.MEDIUM, LumoUtility.Margin.NONE);
        return title;
    }

    private TextField createName() {
        name.setId("email-template-name");
        name.setLabel(getTranslation("admin.emailTemplates.field.name"));
        name.setHelperText(getTranslation("admin.emailTemplates.field.name.helper"));
        name.setMaxLength(200);
        name.setRequiredIndicatorVisible(true);
        name.setWidthFull();
        name.setMaxWidth("32rem");
        return name;
    }

    private TabSheet createLanguages() {
        languages.setId("email-template-languages");
        languages.setWidthFull();
        for (String language : CustomerLanguages.ALL) {
            TextField subject = new TextField(getTranslation("admin.emailTemplates.field.subject"));
            subject.setId("email-template-subject-" + language);
            subject.setMaxLength(EmailTemplateVariant.MAX_SUBJECT);
            TextArea html = new TextArea(getTranslation("admin.emailTemplates.field.bodyHtml"));
            html.setId("email-template-html-" + language);
            html.setMaxLength(EmailTemplateVariant.MAX_BODY);
            TextArea text = new TextArea(getTranslation("admin.emailTemplates.field.bodyText"));
            text.setId("email-template-text-" + language);
            text.setMaxLength(EmailTemplateVariant.MAX_BODY);
            for (var field : List.<AbstractField<?, String>>of(subject, html, text)) {
                field.getElement().addEventListener("focusin", focused -> lastEdited.put(language, field));
            }
            html.setMinHeight("8rem");
            html.setMaxHeight("16rem");
            text.setMinHeight("6rem");
            text.setMaxHeight("12rem");
            subjects.put(language, subject);
            htmlBodies.put(language, html);
            textBodies.put(language, text);
            FormLayout fields = new FormLayout(subject, html, text);
            fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
            Tab tab = languages.add(getTranslation("language." + language), fields);
            tab.setId("email-template-tab-" + language);
            tabs.put(language, tab);
        }
        languages.addClassNames(LumoUtility.Border.ALL, LumoUtility.BorderColor.CONTRAST_10,
                LumoUtility.BorderRadius.MEDIUM);
        return languages;
    }

    /** Lists the fields the model really has (read from it, see EmailPlaceholders); picking one inserts it. */
    private ComboBox<String> createPlaceholderPicker(List<String> placeholders) {
        placeholder.setId("email-template-placeholder");
        placeholder.setLabel(getTranslation("admin.emailTemplates.placeholder"));
        placeholder.setHelperText(getTranslation("admin.emailTemplates.placeholder.helper"));
        placeholder.setItems(placeholders);
        placeholder.setItemLabelGenerator(value -> "{{" + value + "}}");
        placeholder.setWidthFull();
        placeholder.addValueChangeListener(picked -> {
            if (picked.isFromClient() && picked.getValue() != null) {
                insert("{{" + picked.getValue() + "}}");
                placeholder.clear();
            }
        });
        return placeholder;
    }

    /** At the cursor of the field last edited in the shown language (the HTML body when none was), in the browser. */
    private void insert(String tag) {
        String language = currentLanguage();
        AbstractField<?, String> field = lastEdited.getOrDefault(language, htmlBodies.get(language));
        field.getElement().executeJs("""
                const input = this.inputElement;
                const start = input.selectionStart ?? input.value.length;
                const end = input.selectionEnd ?? start;
                input.setRangeText($0, start, end, 'end');
                input.dispatchEvent(new Event('input', {bubbles: true}));
                input.dispatchEvent(new Event('change', {bubbles: true}));
                input.focus();""", tag);
    }

    private HorizontalLayout createButtons() {
        Button save = new Button(getTranslation("admin.emailTemplates.save"), clicked -> fireEvent(new SaveEvent(this)));
        save.setId("email-template-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        delete.setText(getTranslation("admin.emailTemplates.delete"));
        delete.setId("email-template-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClickListener(clicked -> fireEvent(new DeleteEvent(this)));
        Button close = new Button(getTranslation("action.cancel"), clicked -> fireEvent(new CloseEvent(this)));
        close.setId("email-template-close");
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout buttons = new HorizontalLayout(save, delete, close);
        buttons.setWrap(true);
        return buttons;
    }

    /** An opportunity to fill the shown language's texts for, as the e-mail action would. */
    private VerticalLayout createPreview() {
        opportunity.setId("email-template-preview-opportunity");
        opportunity.setLabel(getTranslation("admin.emailTemplates.preview.opportunity"));
        opportunity.setItemLabelGenerator(o -> "#" + o.id() + " · " + o.name());
        opportunity.setClearButtonVisible(true);
        opportunity.setMinWidth("0");
        Button show = new Button(getTranslation("admin.emailTemplates.preview"),
                clicked -> fireEvent(new PreviewEvent(this)));
        show.setId("email-template-preview");
        FlexLayout choose = new FlexLayout(opportunity, show);
        choose.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        choose.setAlignItems(FlexComponent.Alignment.BASELINE);
        choose.getStyle().set("gap", "var(--lumo-space-s)");
        choose.setFlexGrow(1, opportunity);
        choose.setFlexBasis("12rem", opportunity);

        previewSubject.setId("email-template-preview-subject");
        previewSubject.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        // The filled HTML holds customer data: sandboxed (no scripts, forms or same-origin), as the mailbox shows it.
        previewHtml.setId("email-template-preview-html");
        previewHtml.getElement().setAttribute("sandbox", "");
        previewHtml.getElement().setAttribute("referrerpolicy", "no-referrer");
        previewHtml.getElement().setAttribute("title", getTranslation("admin.emailTemplates.field.bodyHtml"));
        previewHtml.setWidthFull();
        previewHtml.setHeight("14rem");
        previewHtml.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("background", "white");
        previewText.setId("email-template-preview-text");
        previewText.getStyle().set("white-space", "pre-wrap").set("margin", "0")
                .set("font-size", "var(--lumo-font-size-s)");
        preview.setPadding(false);
        preview.setSpacing(false);
        preview.add(previewSubject, previewHtml, previewText);
        preview.setVisible(false);
        H3 heading = new H3(getTranslation("admin.emailTemplates.preview"));
        heading.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.Margin.NONE);
        VerticalLayout section = new VerticalLayout(heading, choose, preview);
        section.setPadding(false);
        return section;
    }

    /** Shows a template (null: a new one); the same template again (just saved) stays on the language shown. */
    void edit(EmailTemplate template) {
        boolean same = template != null && editing != null && editing.id() == template.id();
        editing = template;
        clearProblems();
        preview.setVisible(false);
        lastEdited.clear();
        name.setValue(template == null ? "" : template.name());
        for (String language : CustomerLanguages.ALL) {
            EmailTemplateVariant variant = template == null ? null : template.variants().get(language);
            subjects.get(language).setValue(variant == null ? "" : variant.subject());
            htmlBodies.get(language).setValue(variant == null ? "" : variant.bodyHtml());
            textBodies.get(language).setValue(variant == null ? "" : variant.bodyText());
        }
        delete.setVisible(template != null);
        if (!same) {
            languages.setSelectedTab(tabs.get(CustomerLanguages.DEFAULT));
            name.focus();
        }
    }

    EmailTemplate editing() {
        return editing;
    }

    /** The texts as typed; a language whose three texts are empty is left out. */
    EmailTemplateDraft draft() {
        Map<String, EmailTemplateVariant> variants = new LinkedHashMap<>();
        for (String language : CustomerLanguages.ALL) {
            EmailTemplateVariant variant = variant(language);
            if (!variant.subject().isBlank() || !variant.bodyHtml().isBlank() || !variant.bodyText().isBlank()) {
                variants.put(language, variant);
            }
        }
        return new EmailTemplateDraft(name.getValue(), variants);
    }

    String currentLanguage() {
        return CustomerLanguages.ALL.get(Math.max(languages.getSelectedIndex(), 0));
    }

    EmailTemplateVariant variant(String language) {
        return new EmailTemplateVariant(subjects.get(language).getValue(), htmlBodies.get(language).getValue(),
                textBodies.get(language).getValue());
    }

    Opportunity previewOpportunity() {
        return opportunity.getValue();
    }

    void showPreview(RenderedEmail email) {
        previewSubject.setText(email.subject());
        previewHtml.getElement().setAttribute("srcdoc", email.bodyHtml());
        previewText.setText(email.bodyText());
        preview.setVisible(true);
    }

    /**
     * Shows each problem at its field, in the UI's language, and brings the first one's language tab forward.
     *
     * @return the problems no field shows (about the template as a whole)
     */
    List<EmailTemplateProblem> showProblems(List<EmailTemplateProblem> problems) {
        clearProblems();
        String firstLanguage = null;
        List<EmailTemplateProblem> unplaced = new ArrayList<>();
        for (EmailTemplateProblem problem : problems) {
            HasValidation field = fieldOf(problem.field());
            if (field == null) {
                unplaced.add(problem);
                continue;
            }
            String message = problem.reason().in(getLocale());
            field.setErrorMessage(field.isInvalid() ? field.getErrorMessage() + " · " + message : message);
            field.setInvalid(true);
            String language = languageOf(problem.field());
            if (language != null) {
                tabs.get(language).addClassName(LumoUtility.TextColor.ERROR);
                firstLanguage = firstLanguage == null ? language : firstLanguage;
            }
        }
        if (firstLanguage != null) {
            languages.setSelectedTab(tabs.get(firstLanguage));
        }
        return unplaced;
    }

    void clearProblems() {
        name.setInvalid(false);
        for (String language : CustomerLanguages.ALL) {
            tabs.get(language).removeClassName(LumoUtility.TextColor.ERROR);
            for (HasValidation field : List.of(subjects.get(language), htmlBodies.get(language),
                    textBodies.get(language))) {
                field.setInvalid(false);
            }
        }
    }

    private HasValidation fieldOf(String field) {
        if ("name".equals(field)) {
            return name;
        }
        String language = languageOf(field);
        if (language == null) {
            return null;
        }
        if (field.endsWith(".subject")) {
            return subjects.get(language);
        }
        if (field.endsWith(".bodyHtml")) {
            return htmlBodies.get(language);
        }
        return field.endsWith(".bodyText") ? textBodies.get(language) : null;
    }

    private static String languageOf(String field) {
        String[] parts = field.split("\\.");
        return parts.length >= 2 && "variants".equals(parts[0]) && CustomerLanguages.ALL.contains(parts[1])
                ? parts[1] : null;
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    Registration addDeleteListener(ComponentEventListener<DeleteEvent> listener) {
        return addListener(DeleteEvent.class, listener);
    }

    Registration addPreviewListener(ComponentEventListener<PreviewEvent> listener) {
        return addListener(PreviewEvent.class, listener);
    }

    Registration addCloseListener(ComponentEventListener<CloseEvent> listener) {
        return addListener(CloseEvent.class, listener);
    }

    static final class SaveEvent extends ComponentEvent<EmailTemplateForm> {
        SaveEvent(EmailTemplateForm source) {
            super(source, false);
        }
    }

    static final class DeleteEvent extends ComponentEvent<EmailTemplateForm> {
        DeleteEvent(EmailTemplateForm source) {
            super(source, false);
        }
    }

    static final class PreviewEvent extends ComponentEvent<EmailTemplateForm> {
        PreviewEvent(EmailTemplateForm source) {
            super(source, false);
        }
    }

    static final class CloseEvent extends ComponentEvent<EmailTemplateForm> {
        CloseEvent(EmailTemplateForm source) {
            super(source, false);
        }
    }
}
