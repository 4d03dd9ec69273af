package com.flowstate.directory.ui;

import org.springframework.stereotype.Component;

import com.flowstate.security.CurrentUser;
import com.flowstate.security.UserService;
import com.flowstate.security.UserService.Standing;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.security.AuthenticationContext;

/**
 * Before every navigation of a signed-in user, reads how they stand now (one lookup by primary key): one whose
 * password an admin reset goes to {@link ChoosePasswordView} whatever they asked for; one disabled — or whose partner
 * company was deactivated — since signing in is signed out.
 */
@Component
class PasswordChangeRedirect implements VaadinServiceInitListener {

    private final UserService users;
    private final AuthenticationContext authentication;

    PasswordChangeRedirect(UserService users, AuthenticationContext authentication) {
        this.users = users;
        this.authentication = authentication;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::check));
    }

    private void check(BeforeEnterEvent enter) {
        CurrentUser.get().ifPresent(user -> {
            Standing standing = users.standing(user.userId());
            if (standing == Standing.DISABLED) {
                authentication.logout();
            } else if (standing == Standing.PASSWORD_CHANGE_REQUIRED
                    && enter.getNavigationTarget() != ChoosePasswordView.class) {
                enter.forwardTo(ChoosePasswordView.class);
            }
        });
    }
}
