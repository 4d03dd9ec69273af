package com.flowstate.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.flowstate.security.ApiToken;
import com.flowstate.security.ApiTokenService;
import com.flowstate.security.CreatedApiToken;
import com.flowstate.security.FlowstateUser;
import com.flowstate.security.NewApiToken;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The user's own API tokens on the account page: the list (never the secrets), a form to create one, whose secret is
 * shown once in a dialog, and a revoke button per token (decision 0026).
 */
class ApiTokensPanel extends Composite<VerticalLayout> {

    private static final ZoneId ZONE = ZoneId.of("Europe/Rome");

    private final ApiTokenService tokens;
    private final FlowstateUser user;
    private final Grid<ApiToken> grid = new Grid<>();
    private final DateTimeFormatter dateTimes;

    ApiTokensPanel(ApiTokenService tokens, FlowstateUser user) {
        this.tokens = tokens;
        this.user = user;
        this.dateTimes = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withZone(ZONE);
    }

    @Override
    protected VerticalLayout initContent() {
        VerticalLayout layout = new VerticalLayout();
        layout.setId("api-tokens");
        layout.setPadding(false);
        layout.add(new H3(getTranslation("apiTokens.title")), new Paragraph(getTranslation("apiTokens.hint")),
                createForm(), createGrid());
        refresh();
        return layout;
    }

    private HorizontalLayout createForm() {
        TextField name = new TextField(getTranslation("apiTokens.name"));
        name.setId("api-token-name");
        name.setMaxLength(NewApiToken.MAX_NAME);
        name.setRequired(true);
        IntegerField days = new IntegerField(getTranslation("apiTokens.expiresInDays"));
        days.setId("api-token-days");
        days.setMin(1);
        days.setMax(NewApiToken.MAX_DAYS);
        days.setHelperText(getTranslation("apiTokens.expiresInDays.helper"));
        Button create = new Button(getTranslation("apiTokens.create"), VaadinIcon.KEY.create(), click -> {
            try {
                CreatedApiToken created = tokens.create(user, new NewApiToken(name.getValue(), days.getValue()));
                name.clear();
                name.setInvalid(false);
                days.clear();
                refresh();
                showOnce(created);
            } catch (IllegalArgumentException refused) {
                Notifications.error(refused.getMessage());
            }
        });
        create.setId("api-token-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(name, days, create);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }

    private Grid<ApiToken> createGrid() {
        grid.setId("api-token-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(ApiToken::name).setHeader(getTranslation("apiTokens.name")).setFlexGrow(2);
        grid.addColumn(token -> token.prefix() + "…").setHeader(getTranslation("apiTokens.prefix"));
        grid.addColumn(token -> time(token.createdAt())).setHeader(getTranslation("apiTokens.createdAt"));
        grid.addColumn(this::lastUsed).setHeader(getTranslation("apiTokens.lastUsedAt"));
        grid.addColumn(this::expiry).setHeader(getTranslation("apiTokens.expiresAt"));
        Grid.Column<ApiToken> card = grid.addComponentColumn(token -> PhoneGrid.card(token.name(),
                        String.join(" · ", token.prefix() + "…", getTranslation("apiTokens.createdAt") + " "
                                + time(token.createdAt()), getTranslation("apiTokens.lastUsedAt") + " " + lastUsed(token),
                                getTranslation("apiTokens.expiresAt") + " " + expiry(token))))
                .setHeader(getTranslation("apiTokens.name")).setFlexGrow(1);
        Grid.Column<ApiToken> revoke = grid.addComponentColumn(token -> {
            Button button = new Button(getTranslation("apiTokens.revoke"), click -> {
                tokens.revoke(user, token.id());
                refresh();
                Notifications.success(getTranslation("apiTokens.revoked", token.name()));
            });
            button.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            button.setId("api-token-revoke-" + token.id());
            return button;
        }).setAutoWidth(true).setFlexGrow(0);
        // Five columns do not fit a phone: there each token is a card, its revoke button beside it.
        PhoneGrid.of(grid, card).keep(revoke);
        return grid;
    }

    private String lastUsed(ApiToken token) {
        return token.lastUsedAt() == null ? getTranslation("apiTokens.never") : time(token.lastUsedAt());
    }

    private String expiry(ApiToken token) {
        return token.expiresAt() == null ? getTranslation("apiTokens.noExpiry")
                : (token.expired(Instant.now()) ? getTranslation("apiTokens.expired") + " " : "") + time(token.expiresAt());
    }

    private void showOnce(CreatedApiToken created) {
        Dialog dialog = new Dialog();
        dialog.setId("api-token-created");
        dialog.setHeaderTitle(getTranslation("apiTokens.created", created.details().name()));
        TextArea secret = new TextArea();
        secret.setId("api-token-secret");
        secret.setValue(created.token());
        secret.setReadOnly(true);
        secret.setWidthFull();
        dialog.add(new Paragraph(getTranslation("apiTokens.showOnce")), secret);
        Button close = new Button(getTranslation("apiTokens.close"), click -> dialog.close());
        close.setId("api-token-created-close");
        dialog.getFooter().add(close);
        dialog.setWidth("36rem");
        dialog.open();
    }

    private void refresh() {
        grid.setItems(tokens.list(user));
    }

    private String time(Instant instant) {
        return dateTimes.withLocale(getLocale()).format(instant);
    }
}
