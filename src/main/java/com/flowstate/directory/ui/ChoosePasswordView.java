package com.flowstate.directory.ui;

import java.util.Map;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import com.flowstate.directory.InvalidInputException;
import com.flowstate.directory.UserAdminService;
import com.flowstate.security.CurrentUser;
import com.flowstate.security.FlowstateUser;
import com.flowstate.security.UserService;
import com.flowstate.ui.Notifications;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.PermitAll;

/**
 * Where a user whose password an admin reset is kept ({@link PasswordChangeRedirect}) until they chose a new one.
 * Anyone else who comes here is sent to the start page.
 */
@Route(ChoosePasswordView.PATH)
@PermitAll
public class ChoosePasswordView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final String PATH = "choose-password";

    private final UserService users;

    ChoosePasswordView(UserAdminService accounts, UserService users) {
        this.users = users;
        setMaxWidth("28rem");
        H2 title = new H2(getTranslation("admin.password.title"));
        title.addClassNames(LumoUtility.Margin.Bottom.NONE, LumoUtility.FontSize.XLARGE);
        Paragraph hint = new Paragraph(getTranslation("admin.password.hint", UserAdminService.MIN_PASSWORD));
        hint.setId("password-hint");
        PasswordField password = new PasswordField(getTranslation("admin.password.new"));
        password.setId("password-new");
        password.setWidthFull();
        PasswordField repeated = new PasswordField(getTranslation("admin.password.repeat"));
        repeated.setId("password-repeat");
        repeated.setWidthFull();
        FieldErrors errors = new FieldErrors(Map.<String, HasValidation>of("newPassword", password,
                "repeated", repeated));
        Button save = new Button(getTranslation("admin.password.save"), click -> {
            try {
                accounts.chooseOwnPassword(password.getValue(), repeated.getValue());
            } catch (InvalidInputException refused) {
                errors.show(this, refused);
                return;
            }
            refreshSignedInUser(users);
            Notifications.success(getTranslation("admin.password.saved"));
            UI.getCurrent().navigate("");
        });
        save.setId("password-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(title, hint, password, repeated, save);
    }

    /** The session's user was loaded with the reset pending; Camunda's webapps read it from there. */
    private static void refreshSignedInUser(UserService users) {
        FlowstateUser current = CurrentUser.require();
        FlowstateUser reloaded = users.loadUserByUsername(current.getUsername());
        reloaded.eraseCredentials();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(reloaded, null, reloaded.getAuthorities()));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent enter) {
        if (users.standing(CurrentUser.require().userId()) != UserService.Standing.PASSWORD_CHANGE_REQUIRED) {
            enter.forwardTo("");
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.password.title");
    }
}
