package com.flowstate.ui.smtp;

import com.flowstate.mail.MailProperties;
import com.flowstate.mail.SmtpAccountInUseException;
import com.flowstate.mail.SmtpAccountInvalidException;
import com.flowstate.mail.SmtpAccountNotFoundException;
import com.flowstate.mail.SmtpAccountService;
import com.flowstate.mail.SmtpAccountSettings;
import com.flowstate.mail.SmtpCredential;
import com.flowstate.mail.SmtpTestResult;
import com.flowstate.ui.Notifications;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.RolesAllowed;

/**
 * SMTP accounts for admins: the accounts (never a password: only whether one is set) and, beside them (below on a
 * phone), the form of the one being created or edited, with its connection test.
 */
@Route(SmtpAccountsView.PATH)
@RolesAllowed("ADMIN")
public class SmtpAccountsView extends VerticalLayout implements HasDynamicTitle {

    static final String PATH = "admin/smtp-accounts";

    private final SmtpAccountService accounts;
    private final Grid<SmtpCredential> grid = new Grid<>();
    private final SmtpAccountForm form;

    SmtpAccountsView(SmtpAccountService accounts, MailProperties defaults) {
        this.accounts = accounts;
        this.form = new SmtpAccountForm(defaults);
        setId("smtp-accounts");
        setSizeFull();
        configureForm();
        Div content = new Div(createGrid(), form);
        content.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.LARGE,
                LumoUtility.Width.FULL, LumoUtility.AlignItems.START);
        add(createToolbar(), content);
        form.setVisible(false);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.smtp.title");
    }

    private Component createToolbar() {
        Button create = new Button(getTranslation("admin.smtp.new"), VaadinIcon.PLUS.create(), click -> {
            grid.deselectAll();
            form.edit(null);
        });
        create.setId("smtp-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return create;
    }

    private Component createGrid() {
        grid.setId("smtp-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        // No auto width: the columns share the grid's width, so none hides beyond a sideways scroll. The sender is in
        // the form: the list says what tells accounts apart.
        grid.addColumn(SmtpCredential::name).setHeader(getTranslation("admin.smtp.column.name")).setFlexGrow(2)
                .setTooltipGenerator(SmtpCredential::name);
        grid.addColumn(account -> account.host() + ":" + account.port() + " · "
                        + getTranslation("admin.smtp.security." + account.security().name()))
                .setHeader(getTranslation("admin.smtp.column.server")).setFlexGrow(3)
                .setTooltipGenerator(account -> account.host() + ":" + account.port());
        grid.addColumn(account -> account.username() == null ? "" : account.username())
                .setHeader(getTranslation("admin.smtp.column.username"));
        grid.addColumn(account -> getTranslation(account.passwordSet() ? "admin.smtp.passwordSet"
                : "admin.smtp.passwordNotSet")).setHeader(getTranslation("admin.smtp.column.password"));
        grid.setItems(query -> accounts.list(query.getOffset(), query.getLimit()).stream(),
                query -> accounts.count());
        grid.asSingleSelect().addValueChangeListener(selected -> {
            if (selected.getValue() != null) {
                form.edit(selected.getValue());
            }
        });
        grid.setAllRowsVisible(true);
        Div wrapper = new Div(grid);
        wrapper.getStyle().set("flex", "2 1 30rem").set("min-width", "0");
        return wrapper;
    }

    private void configureForm() {
        form.getStyle().set("flex", "1 1 26rem").set("min-width", "0");
        form.onSave(this::save);
        form.onDelete(this::delete);
        form.onTest(this::test);
        form.onClose(() -> {
            grid.deselectAll();
            form.setVisible(false);
        });
    }

    private void save(Long id, SmtpAccountSettings settings) {
        try {
            SmtpCredential saved = id == null ? accounts.create(settings) : accounts.update(id, settings);
            grid.getDataProvider().refreshAll();
            form.edit(saved);
            Notifications.success(getTranslation("admin.smtp.saved", saved.name()));
        } catch (SmtpAccountInvalidException refused) {
            form.showErrors(refused.fields());
        } catch (SmtpAccountInUseException inUse) {
            form.showErrors(java.util.Map.of("name", inUse.reason()));
        } catch (SmtpAccountNotFoundException gone) {
            goneMeanwhile();
        }
    }

    private void delete(long id) {
        try {
            String name = accounts.get(id).name();
            accounts.delete(id);
            grid.getDataProvider().refreshAll();
            form.setVisible(false);
            Notifications.success(getTranslation("admin.smtp.deleted", name));
        } catch (SmtpAccountInUseException inUse) {
            form.showProblem(inUse.reason().in(getLocale()));
        } catch (SmtpAccountNotFoundException gone) {
            goneMeanwhile();
        }
    }

    private void test(long id, String recipient) {
        try {
            SmtpTestResult result = accounts.test(id, recipient);
            form.showTestResult(result);
        } catch (SmtpAccountInvalidException refused) {
            form.showErrors(refused.fields());
        } catch (SmtpAccountNotFoundException gone) {
            goneMeanwhile();
        }
    }

    private void goneMeanwhile() {
        grid.getDataProvider().refreshAll();
        form.setVisible(false);
        Notifications.error(getTranslation("admin.smtp.gone"));
    }

    /** A small badge, as the history tabs show a status. */
    static Span badge(String text, boolean success) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge " + (success ? "success" : "error"));
        return badge;
    }
}
