package com.flowstate.ui;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;

import com.flowstate.mail.MailSink;
import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyService;
import com.flowstate.security.CurrentUser;
import com.flowstate.security.FlowstateUser;
import com.flowstate.security.Role;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.PermitAll;

/**
 * The app shell around every view but the login: navigation in the drawer, the current view's title and the user
 * menu in the navbar. Feature views are linked by path, not by class, so the shell does not reach into the
 * features' ui packages.
 */
@Layout
@PermitAll
@StyleSheet("context://styles/shell.css")
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    static final String OPPORTUNITIES_PATH = "";
    static final String ACTION_HISTORY_PATH = "account/history";
    static final String ACTIVITIES_PATH = "activities";
    static final String INBOX_PATH = "inbox";
    static final String FLOWS_PATH = "flows";
    static final String MAILBOX_PATH = "demo/mailbox";
    static final String COCKPIT_URL = "/camunda/app/cockpit/default/";

    private final Span viewTitle = new Span();
    private final List<MenuBadge> badges;
    private final List<AdminSection> adminSections;

    MainLayout(AuthenticationContext authentication, CompanyService companies, ObjectProvider<MailSink> mailSink,
               List<MenuBadge> badges, List<AdminSection> adminSections) {
        Optional<FlowstateUser> user = CurrentUser.get();
        this.badges = badges;
        this.adminSections = adminSections;
        setPrimarySection(Section.DRAWER);
        // On a phone the drawer is an overlay over the page: a page loaded there (the first after signing in) opens
        // with it closed, as every navigation inside the app leaves it.
        addAttachListener(attach -> getElement().executeJs(
                "requestAnimationFrame(() => { if (this.overlay) { this.drawerOpened = false; } })"));
        addToDrawer(createBrand(), new Scroller(createNavigation(user, mailSink.getIfAvailable() != null)));
        addToNavbar(createNavbar(user, companies, authentication));
    }

    private Component createBrand() {
        H1 brand = new H1("Flowstate");
        brand.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE, LumoUtility.Padding.MEDIUM);
        return brand;
    }

    private SideNav createNavigation(Optional<FlowstateUser> user, boolean mailSinkRunning) {
        SideNav nav = new SideNav();
        nav.setId("main-nav");
        nav.addItem(item("nav-opportunities", getTranslation("nav.opportunities"), OPPORTUNITIES_PATH,
                VaadinIcon.BRIEFCASE));
        nav.addItem(item("nav-activities", getTranslation("nav.activities"), ACTIVITIES_PATH, VaadinIcon.TASKS));
        if (user.isPresent()) {
            SideNavItem inbox = item("nav-inbox", getTranslation("nav.inbox"), INBOX_PATH, VaadinIcon.INBOX);
            badges.stream().filter(badge -> badge.path().equals(INBOX_PATH)).findFirst()
                    .ifPresent(badge -> inbox.setSuffixComponent(badge.create()));
            nav.addItem(inbox);
        }
        if (user.map(u -> u.hasRole(Role.ADMIN) || u.hasRole(Role.DESIGNER)).orElse(false)) {
            nav.addItem(item("nav-flows", getTranslation("nav.flows"), FLOWS_PATH, VaadinIcon.SITEMAP));
        }
        if (user.map(u -> u.hasRole(Role.ADMIN)).orElse(false)) {
            SideNavItem cockpit = item("nav-cockpit", getTranslation("nav.cockpit"), COCKPIT_URL, VaadinIcon.COGS);
            // Cockpit is Camunda's own web app, not a Vaadin route: a full page load in a tab of its own.
            cockpit.setRouterIgnore(true);
            cockpit.setOpenInNewBrowserTab(true);
            nav.addItem(cockpit);
            if (!adminSections.isEmpty()) {
                nav.addItem(createAdministration());
            }
            if (mailSinkRunning) {
                nav.addItem(item("nav-mailbox", getTranslation("nav.mailbox"), MAILBOX_PATH, VaadinIcon.ENVELOPES));
            }
        }
        return nav;
    }

    /** The admin views, grouped under one expandable item so the drawer stays short for everyone else. */
    private SideNavItem createAdministration() {
        SideNavItem administration = new SideNavItem(getTranslation("nav.admin"));
        administration.setId("nav-admin");
        administration.setPrefixComponent(VaadinIcon.TOOLS.create());
        adminSections.stream().sorted(Comparator.comparingInt(AdminSection::position))
                .forEach(section -> administration.addItem(
                        item(section.id(), getTranslation(section.labelKey()), section.path(), section.icon())));
        return administration;
    }

    private static SideNavItem item(String id, String label, String path, VaadinIcon icon) {
        SideNavItem item = new SideNavItem(label, path, icon.create());
        item.setId(id);
        return item;
    }

    private Component createNavbar(Optional<FlowstateUser> user, CompanyService companies,
                                   AuthenticationContext authentication) {
        viewTitle.setId("view-title");
        viewTitle.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.FontWeight.SEMIBOLD, "navbar-title");
        Div navbar = new Div(new DrawerToggle(), viewTitle);
        navbar.addClassNames(LumoUtility.Display.FLEX, LumoUtility.AlignItems.CENTER, LumoUtility.Width.FULL,
                LumoUtility.Gap.SMALL, LumoUtility.Padding.Right.MEDIUM);
        user.ifPresent(u -> {
            UserMenu menu = new UserMenu(u, partnerCompany(u, companies), authentication::logout);
            menu.addClassNames(LumoUtility.Margin.Left.AUTO, "navbar-user");
            navbar.add(menu);
        });
        return navbar;
    }

    /** Partners see which company they act for; platform users all belong to the platform company. */
    private static String partnerCompany(FlowstateUser user, CompanyService companies) {
        if (!user.hasRole(Role.PARTNER)) {
            return null;
        }
        return companies.findById(user.companyId()).filter(Company::isPartner).map(Company::name).orElse(null);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        viewTitle.setText(currentTitle());
    }

    private String currentTitle() {
        HasElement content = getContent();
        if (content instanceof HasDynamicTitle dynamic) {
            return dynamic.getPageTitle();
        }
        PageTitle title = content == null ? null : content.getClass().getAnnotation(PageTitle.class);
        return title == null ? "" : title.value();
    }
}
