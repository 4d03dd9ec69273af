package com.flowstate.ui;

import java.util.Arrays;
import java.util.stream.Collectors;

import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyService;
import com.flowstate.security.ApiTokenService;
import com.flowstate.security.CurrentUser;
import com.flowstate.security.FlowstateUser;
import com.flowstate.security.Role;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.avatar.AvatarVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.PermitAll;

/**
 * The signed-in user's account: who they are, what they may do, which company they act for, and their API tokens.
 */
@Route(ProfileView.PATH)
@PermitAll
public class ProfileView extends VerticalLayout implements HasDynamicTitle {

    static final String PATH = "account";

    private final FlowstateUser user = CurrentUser.require();
    private final CompanyService companies;

    ProfileView(CompanyService companies, ApiTokenService tokens) {
        this.companies = companies;
        setMaxWidth("60rem");
        add(createHeader(), createDetails(), createHistoryButton(), new ApiTokensPanel(tokens, user));
    }

    private Component createHeader() {
        Avatar avatar = new Avatar(user.displayName());
        avatar.addThemeVariants(AvatarVariant.LUMO_LARGE);
        H2 name = new H2(user.displayName());
        name.addClassNames(LumoUtility.Margin.NONE, LumoUtility.FontSize.XLARGE);
        Div header = new Div(avatar, name);
        header.addClassNames(LumoUtility.Display.FLEX, LumoUtility.AlignItems.CENTER, LumoUtility.Gap.MEDIUM);
        return header;
    }

    private FormLayout createDetails() {
        FormLayout details = new FormLayout();
        details.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        details.add(readOnly("profile-username", "profile.username", user.getUsername()),
                readOnly("profile-display-name", "profile.displayName", user.displayName()),
                readOnly("profile-roles", "profile.roles", roles()),
                readOnly("profile-company", "profile.company", company()));
        return details;
    }

    private TextField readOnly(String id, String labelKey, String value) {
        TextField field = new TextField(getTranslation(labelKey));
        field.setId(id);
        field.setValue(value == null ? "" : value);
        field.setReadOnly(true);
        return field;
    }

    private String roles() {
        return Arrays.stream(Role.values())
                .filter(user::hasRole)
                .map(role -> getTranslation("role." + role.name()))
                .collect(Collectors.joining(", "));
    }

    private String company() {
        return companies.findById(user.companyId()).map(Company::name).orElse("");
    }

    private Button createHistoryButton() {
        Button history = new Button(getTranslation("menu.actionHistory"), VaadinIcon.TIME_BACKWARD.create(),
                click -> UI.getCurrent().navigate(MainLayout.ACTION_HISTORY_PATH));
        history.setId("profile-action-history");
        return history;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("profile.title");
    }
}
