package com.flowstate.opportunity.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import com.flowstate.flow.Substate;
import com.flowstate.flow.SubstateChangeException;
import com.flowstate.opportunity.OpenSubstate;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.opportunity.OpportunityNotFoundException;
import com.flowstate.opportunity.OpportunityService;
import com.flowstate.security.CurrentUser;
import com.flowstate.ui.Notifications;
import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The selected opportunity: its details, its open substates and, for platform users, the manual substate
 * changes. A change only schedules the substate's actions, which run in the background; the refresh button shows
 * what they have done since.
 */
class OpportunityPanel extends VerticalLayout {

    private static final ZoneId ZONE = ZoneId.of("Europe/Rome");

    private final OpportunityService opportunities;
    private final boolean canChangeSubstates;
    private final Runnable onClose;
    private final DateTimeFormatter dateTimes;
    private final H3 title = new H3();
    private final Div details = new Div();
    private final Div openSubstates = new Div();
    private final Select<Substate> substateToOpen = new Select<>();
    private Long opportunityId;

    OpportunityPanel(OpportunityService opportunities, boolean canChangeSubstates, Runnable onClose) {
        this.opportunities = opportunities;
        this.canChangeSubstates = canChangeSubstates;
        this.onClose = onClose;
        this.dateTimes = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(ZONE);
        setId("opportunity-panel");
        setWidth("26rem");
        setHeightFull();
        addClassNames(LumoUtility.Border.LEFT, LumoUtility.BorderColor.CONTRAST_10, LumoUtility.Overflow.AUTO);
        configureSections();
        add(createHeader(), details, createSubstatesHeading(), openSubstates);
        if (canChangeSubstates) {
            add(createOpenSubstate());
        }
        setVisible(false);
    }

    private void configureSections() {
        title.setId("opportunity-panel-title");
        title.addClassNames(LumoUtility.Margin.NONE, LumoUtility.FontSize.LARGE);
        details.setId("opportunity-details");
        details.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.XSMALL,
                LumoUtility.Width.FULL);
        openSubstates.setId("open-substates");
        openSubstates.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN,
                LumoUtility.Gap.XSMALL, LumoUtility.Width.FULL);
    }

    private Component createHeader() {
        Button refresh = iconButton("refresh-panel", VaadinIcon.REFRESH, "action.refresh", click -> refresh());
        Button close = iconButton("close-panel", VaadinIcon.CLOSE, "action.close", click -> onClose.run());
        HorizontalLayout header = new HorizontalLayout(title, refresh, close);
        header.setWidthFull();
        header.setAlignItems(Alignment.CENTER);
        header.setFlexGrow(1, title);
        return header;
    }

    private Button iconButton(String id, VaadinIcon icon, String labelKey,
                              ComponentEventListener<ClickEvent<Button>> listener) {
        Button button = new Button(icon.create(), listener);
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        button.setAriaLabel(getTranslation(labelKey));
        button.setTooltipText(getTranslation(labelKey));
        return button;
    }

    private Component createSubstatesHeading() {
        H4 heading = new H4(getTranslation("opportunity.panel.openSubstates"));
        heading.addClassNames(LumoUtility.Margin.Top.MEDIUM, LumoUtility.Margin.Bottom.NONE,
                LumoUtility.FontSize.MEDIUM);
        return heading;
    }

    private Component createOpenSubstate() {
        substateToOpen.setId("substate-select");
        substateToOpen.setLabel(getTranslation("opportunity.panel.substateToOpen"));
        substateToOpen.setItemLabelGenerator(substate -> substate.name(getLocale()));
        Button open = new Button(getTranslation("opportunity.panel.open"), VaadinIcon.PLAY.create(),
                click -> openSelected());
        open.setId("open-substate");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        open.setEnabled(false);
        substateToOpen.addValueChangeListener(change -> open.setEnabled(change.getValue() != null));
        HorizontalLayout row = new HorizontalLayout(substateToOpen, open);
        row.setAlignItems(Alignment.BASELINE);
        row.setWidthFull();
        row.setFlexGrow(1, substateToOpen);
        row.addClassName(LumoUtility.Margin.Top.MEDIUM);
        return row;
    }

    /** Shows an opportunity; null hides the panel. */
    void show(Opportunity opportunity) {
        opportunityId = opportunity == null ? null : opportunity.id();
        setVisible(opportunity != null);
        if (opportunity != null) {
            render(opportunity);
        }
    }

    /** Reads the opportunity and its substates again: actions may have moved it on meanwhile. */
    void refresh() {
        if (opportunityId == null) {
            return;
        }
        Optional<Opportunity> current = opportunities.find(CurrentUser.scope(), opportunityId);
        current.ifPresentOrElse(this::render, () -> {
            Notifications.error(getTranslation("opportunity.notFound"));
            onClose.run();
        });
    }

    private void render(Opportunity opportunity) {
        title.setText(opportunity.name());
        details.removeAll();
        detail("customer", "opportunity.column.customer", opportunity.customerName());
        detail("email", "opportunity.field.customerEmail", opportunity.customerEmail());
        detail("phone", "opportunity.field.customerPhone", opportunity.customerPhone());
        detail("address", "opportunity.panel.address", address(opportunity));
        detail("installer", "opportunity.column.installer", opportunity.installerName());
        detail("seller", "opportunity.column.seller", opportunity.sellerName());
        detail("owner", "opportunity.field.owner", opportunity.ownerName());
        detail("flow", "opportunity.panel.flow", flow(opportunity));
        detail("created-at", "opportunity.column.createdAt", format(opportunity.createdAt()));
        renderOpenSubstates(opportunities.openSubstates(CurrentUser.scope(), opportunity.id()));
        substateToOpen.setItems(opportunities.substates(CurrentUser.scope(), opportunity.id()));
    }

    private void detail(String id, String labelKey, String value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        label.setMinWidth("7rem");
        Span text = new Span(value == null || value.isBlank() ? "—" : value);
        text.setId("detail-" + id);
        Div row = new Div(label, text);
        row.addClassNames(LumoUtility.Display.FLEX, LumoUtility.Gap.SMALL, LumoUtility.AlignItems.BASELINE);
        details.add(row);
    }

    /** "SolarSalesFlow v2 · residential": the flow the opportunity runs, its version and its type. */
    private static String flow(Opportunity opportunity) {
        if (opportunity.flowKey() == null) {
            return null;
        }
        String flow = opportunity.flowKey() + (opportunity.flowVersion() == null ? "" : " v" + opportunity.flowVersion());
        return opportunity.typeKey() == null ? flow : flow + " · " + opportunity.typeKey();
    }

    private static String address(Opportunity opportunity) {
        String place = String.join(" ", nonBlank(opportunity.postalCode()), nonBlank(opportunity.city())).strip();
        if (opportunity.province() != null && !opportunity.province().isBlank()) {
            place = place + " (" + opportunity.province() + ")";
        }
        String street = nonBlank(opportunity.street());
        return street.isEmpty() ? place.strip() : street + ", " + place.strip();
    }

    private static String nonBlank(String value) {
        return value == null ? "" : value.strip();
    }

    private void renderOpenSubstates(List<OpenSubstate> substates) {
        openSubstates.removeAll();
        if (substates.isEmpty()) {
            Span none = new Span(getTranslation("opportunity.panel.noOpenSubstates"));
            none.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
            openSubstates.add(none);
        }
        substates.forEach(substate -> openSubstates.add(createOpenSubstateRow(substate)));
    }

    private Component createOpenSubstateRow(OpenSubstate substate) {
        Span name = new Span(substate.name(getLocale()));
        name.addClassName(LumoUtility.FontWeight.SEMIBOLD);
        Span since = new Span(getTranslation("opportunity.panel.openSince", format(substate.openedAt())));
        since.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.XSMALL);
        Div text = new Div(name, since);
        text.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN);
        HorizontalLayout row = new HorizontalLayout(text);
        row.addClassName("open-substate");
        row.getElement().setAttribute("data-substate", substate.key());
        row.setWidthFull();
        row.setAlignItems(Alignment.CENTER);
        row.setFlexGrow(1, text);
        if (canChangeSubstates) {
            Button close = new Button(getTranslation("opportunity.panel.close"),
                    click -> change(id -> opportunities.closeSubstate(CurrentUser.scope(), id, substate.key()),
                            "opportunity.panel.closed", substate.name(getLocale())));
            close.setId("close-substate-" + substate.key());
            close.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            row.add(close);
        }
        return row;
    }

    private void openSelected() {
        Substate substate = substateToOpen.getValue();
        if (substate != null) {
            change(id -> opportunities.openSubstate(CurrentUser.scope(), id, substate.key()),
                    "opportunity.panel.opened", substate.name(getLocale()));
            substateToOpen.clear();
        }
    }

    /** Runs a substate change; a change the flow refuses is explained, not thrown at the user. */
    private void change(Consumer<Long> action, String successKey, String substateName) {
        if (opportunityId == null) {
            return;
        }
        try {
            action.accept(opportunityId);
            Notifications.success(getTranslation(successKey, substateName));
        } catch (SubstateChangeException refused) {
            Notifications.error(refused.because().in(getLocale()));
        } catch (OpportunityNotFoundException e) {
            Notifications.error(getTranslation("opportunity.notFound"));
        }
        refresh();
    }

    private String format(Instant instant) {
        return instant == null ? "" : dateTimes.format(instant);
    }
}
