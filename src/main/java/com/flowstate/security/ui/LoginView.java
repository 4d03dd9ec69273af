package com.flowstate.security.ui;

import java.util.Locale;
import java.util.Optional;

import org.springframework.security.web.WebAttributes;

import com.flowstate.i18n.Languages;
import com.flowstate.security.LoginLockedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** Sign-in page of the UI and, through single sign-on, of Camunda Cockpit. */
@Route(value = "login", autoLayout = false)
@PageTitle("Flowstate")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();

    public LoginView() {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        configureLogin();
        add(login, createLanguages());
    }

    private void configureLogin() {
        login.setId("login-form");
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        login.setI18n(createI18n());
    }

    private LoginI18n createI18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Flowstate");
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getForm().setForgotPassword(getTranslation("login.forgotPassword"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.error.message"));
        i18n.getErrorMessage().setUsername(getTranslation("login.error.username"));
        i18n.getErrorMessage().setPassword(getTranslation("login.error.password"));
        return i18n;
    }

    /** Before signing in there is no user menu, so the language choice sits under the form. */
    private HorizontalLayout createLanguages() {
        HorizontalLayout languages = new HorizontalLayout();
        languages.setSpacing(false);
        languages.addClassName(LumoUtility.Gap.XSMALL);
        for (Locale locale : Languages.SUPPORTED) {
            Button button = new Button(getTranslation(Languages.labelKey(locale)),
                    click -> Languages.switchTo(locale));
            button.setId("login-language-" + locale.getLanguage());
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            button.setEnabled(!locale.getLanguage().equals(getLocale().getLanguage()));
            languages.add(button);
        }
        return languages;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        boolean failed = parameters.containsKey("error");
        boolean expired = parameters.containsKey("expired");
        login.setI18n(createI18n());
        lockedSignIn().filter(locked -> failed).ifPresent(this::showLocked);
        if (expired) {
            showExpired();
        }
        login.setError(failed || expired);
    }

    /**
     * Spring Security keeps the reason of the last failed sign-in in the session for the page it redirects to; a
     * locked one gets its own message instead of "wrong username or password", which would send the user guessing.
     */
    private static Optional<LoginLockedException> lockedSignIn() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null || session.getSession() == null) {
            return Optional.empty();
        }
        Object failure = session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        return failure instanceof LoginLockedException locked ? Optional.of(locked) : Optional.empty();
    }

    /** The form was sent with a CSRF token of a session that has ended (see SecurityConfiguration). */
    private void showExpired() {
        LoginI18n i18n = createI18n();
        i18n.getErrorMessage().setTitle(getTranslation("login.expired.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.expired.message"));
        login.setI18n(i18n);
    }

    private void showLocked(LoginLockedException locked) {
        LoginI18n i18n = createI18n();
        long minutes = Math.max(1, (locked.retryAfter().toSeconds() + 59) / 60);
        i18n.getErrorMessage().setTitle(getTranslation("login.locked.title"));
        i18n.getErrorMessage().setMessage(getTranslation(locked.scope() == LoginLockedException.Scope.ACCOUNT
                ? "login.locked.account" : "login.locked.address", minutes));
        login.setI18n(i18n);
    }
}
