package com.flowstate.ui.smtp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import com.flowstate.i18n.Reason;
import com.flowstate.mail.MailProperties;
import com.flowstate.mail.SmtpAccountSettings;
import com.flowstate.mail.SmtpCredential;
import com.flowstate.mail.SmtpSecurity;
import com.flowstate.mail.SmtpTestResult;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.IntegerRangeValidator;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The form of one SMTP account. It checks what it can at once (required fields, ranges); the service checks
 * everything again and its reasons are shown at their fields in the reader's language. The password field is
 * never filled: its helper says whether a password is set, and leaving it empty keeps it.
 */
class SmtpAccountForm extends VerticalLayout {

    private final MailProperties defaults;
    private final H3 heading = new H3();
    private final TextField name = new TextField();
    private final TextField host = new TextField();
    private final IntegerField port = new IntegerField();
    private final Select<SmtpSecurity> security = new Select<>();
    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final EmailField fromAddress = new EmailField();
    private final TextField fromName = new TextField();
    private final IntegerField connectTimeout = new IntegerField();
    private final IntegerField readTimeout = new IntegerField();
    private final EmailField recipient = new EmailField();
    private final Button test = new Button();
    private final Button delete = new Button();
    private final Div problem = new Div();
    private final Div testResult = new Div();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final Binder<Draft> binder = new Binder<>();

    private Long editing;
    private BiConsumer<Long, SmtpAccountSettings> saveListener = (id, settings) -> { };
    private Consumer<Long> deleteListener = id -> { };
    private BiConsumer<Long, String> testListener = (id, to) -> { };
    private Runnable closeListener = () -> { };

    SmtpAccountForm(MailProperties defaults) {
        this.defaults = defaults;
        setId("smtp-form");
        setPadding(false);
        heading.addClassNames(LumoUtility.Margin.NONE);
        problem.setId("smtp-problem");
        problem.addClassNames(LumoUtility.TextColor.ERROR);
        problem.setVisible(false);
        add(heading, createFields(), problem, createButtons(), createTest());
    }

    void onSave(BiConsumer<Long, SmtpAccountSettings> listener) {
        this.saveListener = listener;
    }

    void onDelete(Consumer<Long> listener) {
        this.deleteListener = listener;
    }

    void onTest(BiConsumer<Long, String> listener) {
        this.testListener = listener;
    }

    void onClose(Runnable listener) {
        this.closeListener = listener;
    }

    /** Shows an account to edit, or an empty form for a new one (null). */
    void edit(SmtpCredential account) {
        editing = account == null ? null : account.id();
        heading.setText(getTranslation(account == null ? "admin.smtp.form.new" : "admin.smtp.form.edit"));
        Draft draft = account == null ? Draft.fresh(defaults) : Draft.of(account);
        binder.readBean(draft);
        password.clear();
        password.setHelperText(getTranslation(account != null && account.passwordSet()
                ? "admin.smtp.password.helper.set" : "admin.smtp.password.helper.none"));
        fields.values().forEach(field -> field.setInvalid(false));
        problem.setVisible(false);
        testResult.removeAll();
        testResult.setVisible(false);
        delete.setVisible(account != null);
        test.setEnabled(account != null);
        recipient.setEnabled(account != null);
        recipient.setHelperText(account == null ? getTranslation("admin.smtp.test.saveFirst") : null);
        setVisible(true);
    }

    /** The service's reasons, each at its field (or above the buttons when the form has no such field). */
    void showErrors(Map<String, Reason> errors) {
        errors.forEach((field, reason) -> {
            HasValidation component = fields.get(field);
            String text = reason.in(getLocale());
            if (component == null) {
                showProblem(text);
            } else {
                component.setErrorMessage(text);
                component.setInvalid(true);
            }
        });
    }

    void showProblem(String text) {
        problem.setText(text);
        problem.setVisible(true);
    }

    void showTestResult(SmtpTestResult result) {
        testResult.removeAll();
        String outcome = !result.succeeded() ? "admin.smtp.test.failed"
                : result.messageSent() ? "admin.smtp.test.sent" : "admin.smtp.test.succeeded";
        Span status = SmtpAccountsView.badge(getTranslation(outcome), result.succeeded());
        status.setId("smtp-test-status");
        Div details = new Div();
        details.setId("smtp-test-details");
        details.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.Margin.Top.XSMALL);
        if (result.reason() != null) {
            details.add(new Div(result.reason().in(getLocale())));
        }
        if (!result.serverReply().isEmpty()) {
            details.add(new Div(getTranslation("admin.smtp.test.reply", result.serverReply())));
        }
        testResult.add(status, details);
        testResult.setVisible(true);
    }

    private FormLayout createFields() {
        field(name, "name", "admin.smtp.field.name");
        field(host, "host", "admin.smtp.field.host");
        field(port, "port", "admin.smtp.field.port");
        field(security, "security", "admin.smtp.field.security");
        field(username, "username", "admin.smtp.field.username");
        field(password, "password", "admin.smtp.field.password");
        field(fromAddress, "fromAddress", "admin.smtp.field.fromAddress");
        field(fromName, "fromName", "admin.smtp.field.fromName");
        field(connectTimeout, "connectTimeoutSeconds", "admin.smtp.field.connectTimeout");
        field(readTimeout, "readTimeoutSeconds", "admin.smtp.field.readTimeout");
        security.setItems(SmtpSecurity.values());
        security.setItemLabelGenerator(value -> getTranslation("admin.smtp.security." + value.name()));
        port.setStepButtonsVisible(false);
        connectTimeout.setHelperText(getTranslation("admin.smtp.timeout.helper"));
        readTimeout.setHelperText(getTranslation("admin.smtp.timeout.helper"));
        password.setRevealButtonVisible(false);
        // The browser must not offer the admin's own saved login for an SMTP password.
        password.getElement().setAttribute("autocomplete", "new-password");

        String required = reason("smtpAccount.required");
        binder.forField(name).asRequired(required).bind(Draft::getName, Draft::setName);
        binder.forField(host).asRequired(required).bind(Draft::getHost, Draft::setHost);
        binder.forField(port).asRequired(required)
                .withValidator(new IntegerRangeValidator(reason("smtpAccount.portRange"), 1, 65535))
                .bind(Draft::getPort, Draft::setPort);
        binder.forField(security).asRequired(required).bind(Draft::getSecurity, Draft::setSecurity);
        binder.forField(username).bind(Draft::getUsername, Draft::setUsername);
        binder.forField(password).bind(Draft::getPassword, Draft::setPassword);
        binder.forField(fromAddress).asRequired(required).bind(Draft::getFromAddress, Draft::setFromAddress);
        binder.forField(fromName).bind(Draft::getFromName, Draft::setFromName);
        binder.forField(connectTimeout).asRequired(required)
                .withValidator(new IntegerRangeValidator(reason("smtpAccount.timeoutRange", 120), 1, 120))
                .bind(Draft::getConnectTimeout, Draft::setConnectTimeout);
        binder.forField(readTimeout).asRequired(required)
                .withValidator(new IntegerRangeValidator(reason("smtpAccount.timeoutRange", 600), 1, 600))
                .bind(Draft::getReadTimeout, Draft::setReadTimeout);

        FormLayout layout = new FormLayout(name, host, port, security, username, password, fromAddress, fromName,
                connectTimeout, readTimeout);
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("26rem", 2));
        layout.setColspan(name, 2);
        layout.setColspan(host, 1);
        return layout;
    }

    private <F extends com.vaadin.flow.component.Component & HasValidation> void field(F component, String field,
                                                                                       String labelKey) {
        component.setId("smtp-" + field);
        component.getElement().setProperty("label", getTranslation(labelKey));
        fields.put(field, component);
    }

    private String reason(String code, Object max) {
        return Reason.of(code, "min", 1, "max", max).in(getLocale());
    }

    private String reason(String code) {
        return Reason.of(code).in(getLocale());
    }

    private HorizontalLayout createButtons() {
        Button save = new Button(getTranslation("action.save"), VaadinIcon.CHECK.create(), click -> save());
        save.setId("smtp-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> closeListener.run());
        cancel.setId("smtp-cancel");
        delete.setText(getTranslation("admin.smtp.delete"));
        delete.setIcon(VaadinIcon.TRASH.create());
        delete.setId("smtp-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClickListener(click -> confirmDelete());
        HorizontalLayout buttons = new HorizontalLayout(save, cancel, delete);
        buttons.setWrap(true);
        return buttons;
    }

    private VerticalLayout createTest() {
        recipient.setId("smtp-test-recipient");
        recipient.setLabel(getTranslation("admin.smtp.test.recipient"));
        recipient.setClearButtonVisible(true);
        recipient.setWidthFull();
        fields.put("recipient", recipient);
        test.setText(getTranslation("admin.smtp.test"));
        test.setIcon(VaadinIcon.CONNECT.create());
        test.setId("smtp-test");
        test.addClickListener(click -> {
            if (editing != null) {
                recipient.setInvalid(false);
                testListener.accept(editing, recipient.getValue());
            }
        });
        testResult.setId("smtp-test-result");
        testResult.setVisible(false);
        HorizontalLayout row = new HorizontalLayout(recipient, test);
        row.setWidthFull();
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setFlexGrow(1, recipient);
        // On a phone the button goes under the field rather than past the screen's edge.
        row.setWrap(true);
        recipient.setMinWidth("12rem");
        VerticalLayout section = new VerticalLayout(row, testResult);
        section.setPadding(false);
        section.addClassNames(LumoUtility.Border.TOP, LumoUtility.BorderColor.CONTRAST_10,
                LumoUtility.Padding.Top.SMALL);
        return section;
    }

    private void save() {
        problem.setVisible(false);
        Draft draft = new Draft();
        if (!binder.writeBeanIfValid(draft)) {
            return;
        }
        saveListener.accept(editing, draft.settings());
        password.clear();
    }

    private void confirmDelete() {
        if (editing == null) {
            return;
        }
        long id = editing;
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("admin.smtp.delete.confirm", name.getValue()));
        Button confirm = new Button(getTranslation("admin.smtp.delete"), click -> {
            dialog.close();
            deleteListener.accept(id);
        });
        confirm.setId("smtp-delete-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), confirm);
        dialog.open();
    }

    /** The form's values while being edited; the password is never read into it from a saved account. */
    static final class Draft {

        private String name;
        private String host;
        private Integer port;
        private SmtpSecurity security;
        private String username;
        private String password;
        private String fromAddress;
        private String fromName;
        private Integer connectTimeout;
        private Integer readTimeout;

        static Draft fresh(MailProperties defaults) {
            Draft draft = new Draft();
            draft.port = 587;
            draft.security = SmtpSecurity.STARTTLS;
            draft.connectTimeout = seconds(defaults.connectTimeout(), 120);
            draft.readTimeout = seconds(defaults.readTimeout(), 600);
            return draft;
        }

        static Draft of(SmtpCredential account) {
            Draft draft = new Draft();
            draft.name = account.name();
            draft.host = account.host();
            draft.port = account.port();
            draft.security = account.security();
            draft.username = account.username();
            draft.fromAddress = account.fromAddress();
            draft.fromName = account.fromName();
            draft.connectTimeout = account.connectTimeoutSeconds();
            draft.readTimeout = account.readTimeoutSeconds();
            return draft;
        }

        SmtpAccountSettings settings() {
            return new SmtpAccountSettings(name, host, port, security, username, password, fromAddress, fromName,
                    connectTimeout, readTimeout);
        }

        private static int seconds(java.time.Duration duration, int max) {
            return (int) Math.max(1, Math.min(max, (duration.toMillis() + 999) / 1000));
        }

        String getName() { return name; }
        void setName(String value) { name = value; }
        String getHost() { return host; }
        void setHost(String value) { host = value; }
        Integer getPort() { return port; }
        void setPort(Integer value) { port = value; }
        SmtpSecurity getSecurity() { return security; }
        void setSecurity(SmtpSecurity value) { security = value; }
        String getUsername() { return username; }
        void setUsername(String value) { username = value; }
        String getPassword() { return password; }
        void setPassword(String value) { password = value; }
        String getFromAddress() { return fromAddress; }
        void setFromAddress(String value) { fromAddress = value; }
        String getFromName() { return fromName; }
        void setFromName(String value) { fromName = value; }
        Integer getConnectTimeout() { return connectTimeout; }
        void setConnectTimeout(Integer value) { connectTimeout = value; }
        Integer getReadTimeout() { return readTimeout; }
        void setReadTimeout(Integer value) { readTimeout = value; }
    }
}
