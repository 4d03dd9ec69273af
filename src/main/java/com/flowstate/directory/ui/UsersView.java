package com.flowstate.directory.ui;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import com.flowstate.directory.InvalidInputException;
import com.flowstate.directory.TemporaryPassword;
import com.flowstate.directory.UserAdminService;
import com.flowstate.directory.UserAdminService.CompanyChoice;
import com.flowstate.directory.UserDetails;
import com.flowstate.directory.UserRequest;
import com.flowstate.security.Role;
import com.flowstate.ui.Notifications;
import com.flowstate.ui.PhoneGrid;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.RolesAllowed;

/**
 * Users for admins: the list with each user's state (disabled, locked by the sign-in throttle, new password pending),
 * a dialog to create or edit one, reset the password (the temporary one is shown once) and lift a lock.
 */
@Route(UsersView.PATH)
@RolesAllowed("ADMIN")
public class UsersView extends VerticalLayout implements HasDynamicTitle {

    static final String PATH = "admin/users";

    private final UserAdminService users;
    private final Grid<UserDetails> grid = new Grid<>();
    private final TextField search = new TextField();
    private Grid.Column<UserDetails> card;

    UsersView(UserAdminService users) {
        this.users = users;
        setMaxWidth("80rem");
        add(createHeader(), createToolbar(), createGrid());
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.users.title");
    }

    private Component createHeader() {
        H2 title = new H2(getTranslation("admin.users.title"));
        title.addClassNames(LumoUtility.Margin.NONE, LumoUtility.FontSize.XLARGE);
        return title;
    }

    private Component createToolbar() {
        search.setId("user-search");
        search.setPlaceholder(getTranslation("admin.users.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(change -> refresh());
        Button create = new Button(getTranslation("admin.users.new"), VaadinIcon.PLUS.create(),
                click -> openEditor(null));
        create.setId("user-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout toolbar = new HorizontalLayout(search, create);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        toolbar.setWrap(true);
        return toolbar;
    }

    private Grid<UserDetails> createGrid() {
        grid.setId("user-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(UserDetails::username).setHeader(getTranslation("admin.users.username")).setFlexGrow(1);
        grid.addColumn(UserDetails::displayName).setHeader(getTranslation("admin.users.displayName"))
                .setFlexGrow(2);
        grid.addColumn(this::roles).setHeader(getTranslation("admin.users.roles")).setFlexGrow(1);
        grid.addColumn(UserDetails::companyName).setHeader(getTranslation("admin.users.company")).setFlexGrow(2);
        grid.addComponentColumn(this::state).setHeader(getTranslation("admin.users.state")).setAutoWidth(true);
        card = grid.addComponentColumn(this::card).setHeader(getTranslation("admin.users.title"));
        // On a phone the grid is this one column of cards.
        PhoneGrid.of(grid, card);
        grid.addItemClickListener(click -> openEditor(users.get(click.getItem().id())));
        grid.setWidthFull();
        return grid;
    }

    private String roles(UserDetails user) {
        return user.roles().stream().sorted().map(role -> getTranslation("admin.users.role." + role.name()))
                .collect(Collectors.joining(", "));
    }

    /** Badges: enabled or disabled, locked, new password pending. */
    private Component state(UserDetails user) {
        HorizontalLayout badges = new HorizontalLayout();
        badges.setSpacing(false);
        badges.addClassNames(LumoUtility.Gap.XSMALL, LumoUtility.FlexWrap.WRAP);
        badges.add(badge(user.enabled() ? "admin.users.enabled" : "admin.users.disabled",
                user.enabled() ? "badge success" : "badge contrast"));
        if (user.locked()) {
            badges.add(badge("admin.users.locked", "badge error"));
        }
        if (user.passwordChangeRequired()) {
            badges.add(badge("admin.users.passwordPending", "badge"));
        }
        return badges;
    }

    private Span badge(String key, String theme) {
        Span badge = new Span(getTranslation(key));
        badge.getElement().getThemeList().add(theme);
        return badge;
    }

    private Component card(UserDetails user) {
        Span name = new Span(user.displayName() + " (" + user.username() + ")");
        name.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        Span detail = new Span(roles(user) + " · " + user.companyName());
        detail.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        Div card = new Div(name, detail, state(user));
        card.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN);
        return card;
    }

    private void refresh() {
        // Lazy: the service pages and filters in SQL.
        grid.setItems(query -> users.list(search.getValue(), query.getOffset(), query.getLimit()).stream());
    }

    private void openEditor(UserDetails user) {
        Dialog dialog = new Dialog();
        dialog.setId("user-dialog");
        dialog.setHeaderTitle(user == null ? getTranslation("admin.users.new")
                : getTranslation("admin.users.edit", user.username()));
        TextField username = new TextField(getTranslation("admin.users.username"));
        username.setId("user-username");
        username.setRequiredIndicatorVisible(true);
        username.setMaxLength(100);
        TextField displayName = new TextField(getTranslation("admin.users.displayName"));
        displayName.setId("user-display-name");
        displayName.setRequiredIndicatorVisible(true);
        displayName.setMaxLength(200);
        EmailField email = new EmailField(getTranslation("admin.users.email"));
        email.setId("user-email");
        CheckboxGroup<Role> roles = new CheckboxGroup<>(getTranslation("admin.users.roles"));
        roles.setId("user-roles");
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(role -> getTranslation("admin.users.role." + role.name()));
        roles.setHelperText(getTranslation("admin.users.roles.helper"));
        ComboBox<CompanyChoice> company = new ComboBox<>(getTranslation("admin.users.company"));
        company.setId("user-company");
        company.setItems(users.companies());
        company.setItemLabelGenerator(choice -> choice.name() + " ("
                + getTranslation("admin.partners.kind." + choice.kind().name()) + ")");
        company.setRequiredIndicatorVisible(true);
        Checkbox enabled = new Checkbox(getTranslation("admin.users.enabledLabel"), true);
        enabled.setId("user-enabled");
        if (user != null) {
            username.setValue(user.username());
            username.setReadOnly(true);
            displayName.setValue(user.displayName());
            email.setValue(user.email() == null ? "" : user.email());
            roles.setValue(user.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(user.roles()));
            company.getListDataView().getItems().filter(choice -> choice.id() == user.companyId()).findFirst()
                    .ifPresentOrElse(company::setValue, () -> company.setPlaceholder(user.companyName()));
            enabled.setValue(user.enabled());
        }
        FormLayout form = new FormLayout(username, displayName, email, company, roles, enabled);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        form.setColspan(roles, 2);
        dialog.add(form);
        if (user != null && user.locked()) {
            Paragraph locked = new Paragraph(getTranslation("admin.users.lockedFor",
                    Math.max(1, (user.lockedForSeconds() + 59) / 60)));
            locked.setId("user-locked-note");
            locked.addClassNames(LumoUtility.TextColor.ERROR);
            dialog.add(locked);
        }
        FieldErrors errors = new FieldErrors(Map.<String, HasValidation>of("username", username,
                "displayName", displayName, "email", email, "roles", roles, "companyId", company));

        Button save = new Button(getTranslation("admin.save"), click -> {
            UserRequest request = new UserRequest(username.getValue(), displayName.getValue(), email.getValue(),
                    roles.getValue(), company.getValue() == null ? null : company.getValue().id(),
                    enabled.getValue());
            try {
                if (user == null) {
                    TemporaryPassword created = users.create(request);
                    dialog.close();
                    refresh();
                    showTemporary(created, "admin.users.created");
                } else {
                    UserDetails saved = users.update(user.id(), request);
                    dialog.close();
                    refresh();
                    Notifications.success(getTranslation("admin.users.saved", saved.username()));
                }
            } catch (InvalidInputException refused) {
                errors.show(this, refused);
            }
        });
        save.setId("user-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("admin.cancel"), click -> dialog.close());
        cancel.setId("user-cancel");
        HorizontalLayout actions = new HorizontalLayout();
        actions.getStyle().set("margin-inline-end", "auto");
        if (user != null) {
            Button reset = new Button(getTranslation("admin.users.resetPassword"), VaadinIcon.KEY.create(), click -> {
                TemporaryPassword temporary = users.resetPassword(user.id());
                dialog.close();
                refresh();
                showTemporary(temporary, "admin.users.reset");
            });
            reset.setId("user-reset-password");
            actions.add(reset);
            if (user.locked()) {
                Button unlock = new Button(getTranslation("admin.users.unlock"), VaadinIcon.UNLOCK.create(),
                        click -> {
                            users.unlock(user.id());
                            dialog.close();
                            refresh();
                            Notifications.success(getTranslation("admin.users.unlocked", user.username()));
                        });
                unlock.setId("user-unlock");
                actions.add(unlock);
            }
        }
        dialog.getFooter().add(actions, cancel, save);
        dialog.setWidth("44rem");
        dialog.setMaxWidth("100%");
        dialog.open();
        (user == null ? username : displayName).focus();
    }

    /** The temporary password, once: the admin hands it over; the user replaces it at the next sign-in. */
    private void showTemporary(TemporaryPassword temporary, String titleKey) {
        Dialog dialog = new Dialog();
        dialog.setId("user-temporary");
        dialog.setHeaderTitle(getTranslation(titleKey, temporary.user().username()));
        TextField password = new TextField(getTranslation("admin.users.temporaryPassword"));
        password.setId("user-temporary-password");
        password.setValue(Objects.requireNonNull(temporary.temporaryPassword()));
        password.setReadOnly(true);
        password.setWidthFull();
        dialog.add(new Paragraph(getTranslation("admin.users.temporaryHint")), password);
        Button close = new Button(getTranslation("admin.close"), click -> dialog.close());
        close.setId("user-temporary-close");
        dialog.getFooter().add(close);
        dialog.setWidth("32rem");
        dialog.setMaxWidth("100%");
        dialog.open();
    }

}
