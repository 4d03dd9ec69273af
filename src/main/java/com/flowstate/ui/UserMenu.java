package com.flowstate.ui;

import java.util.Locale;

import com.flowstate.i18n.Languages;
import com.flowstate.security.FlowstateUser;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.avatar.AvatarVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** The navbar's user menu: account pages, language and logout, under the user's avatar and name. */
class UserMenu extends Composite<MenuBar> {

    private final FlowstateUser user;
    private final String company;
    private final Runnable logout;

    /**
     * @param company the partner company to show next to the name, or null
     * @param logout  ends the session (Vaadin's {@code AuthenticationContext.logout()})
     */
    UserMenu(FlowstateUser user, String company, Runnable logout) {
        this.user = user;
        this.company = company;
        this.logout = logout;
    }

    @Override
    protected MenuBar initContent() {
        MenuBar menu = new MenuBar();
        menu.setId("user-menu");
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE, MenuBarVariant.LUMO_END_ALIGNED);
        MenuItem top = menu.addItem(createUserBadge());
        top.setId("user-menu-button");
        SubMenu items = top.getSubMenu();
        addAccountItems(items);
        addLanguageItems(items);
        MenuItem logoutItem = items.addItem(icon(VaadinIcon.SIGN_OUT), click -> logout.run());
        logoutItem.add(getTranslation("menu.logout"));
        logoutItem.setId("menu-logout");
        return menu;
    }

    private Div createUserBadge() {
        Avatar avatar = new Avatar(user.displayName());
        avatar.addThemeVariants(AvatarVariant.LUMO_XSMALL);
        avatar.getElement().setAttribute("tabindex", "-1");
        Span name = new Span(user.displayName());
        name.setId("user-display-name");
        Div badge = new Div(avatar, name);
        badge.addClassNames(LumoUtility.Display.FLEX, LumoUtility.AlignItems.CENTER, LumoUtility.Gap.SMALL);
        if (company != null) {
            Span companyName = new Span(company);
            companyName.setId("user-company");
            companyName.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
            badge.add(companyName);
        }
        return badge;
    }

    private void addAccountItems(SubMenu items) {
        MenuItem account = items.addItem(icon(VaadinIcon.USER));
        account.add(getTranslation("menu.account"));
        account.setId("account-information");
        SubMenu accountItems = account.getSubMenu();
        accountItems.addItem(getTranslation("menu.profile"), click -> navigate(ProfileView.PATH))
                .setId("menu-profile");
        accountItems.addItem(getTranslation("menu.actionHistory"), click -> navigate(MainLayout.ACTION_HISTORY_PATH))
                .setId("menu-action-history");
    }

    private void addLanguageItems(SubMenu items) {
        MenuItem language = items.addItem(icon(VaadinIcon.GLOBE));
        language.add(getTranslation("menu.language"));
        language.setId("menu-language");
        SubMenu languages = language.getSubMenu();
        for (Locale locale : Languages.SUPPORTED) {
            MenuItem item = languages.addItem(getTranslation(Languages.labelKey(locale)),
                    click -> Languages.switchTo(locale));
            item.setId("menu-language-" + locale.getLanguage());
            item.setCheckable(true);
            item.setChecked(locale.getLanguage().equals(getLocale().getLanguage()));
        }
    }

    private static com.vaadin.flow.component.icon.Icon icon(VaadinIcon icon) {
        var created = icon.create();
        created.addClassNames(LumoUtility.IconSize.SMALL, LumoUtility.Margin.Right.SMALL);
        return created;
    }

    private static void navigate(String path) {
        UI.getCurrent().navigate(path);
    }
}
