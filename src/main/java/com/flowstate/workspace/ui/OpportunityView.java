package com.flowstate.workspace.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;

import com.flowstate.action.activity.ActivityService;
import com.flowstate.action.assignment.AssignmentService;
import com.flowstate.flow.Substate;
import com.flowstate.flow.SubstateChangeException;
import com.flowstate.flow.TimerNotPendingException;
import com.flowstate.live.LiveUpdates;
import com.flowstate.opportunity.OpenSubstate;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.opportunity.OpportunityNotFoundException;
import com.flowstate.opportunity.OpportunityService;
import com.flowstate.security.CurrentUser;
import com.flowstate.security.FlowstateUser;
import com.flowstate.security.Role;
import com.flowstate.ui.Notifications;
import com.flowstate.workspace.NoDiagramException;
import com.flowstate.workspace.OpportunityWorkspace;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.PermitAll;

/**
 * One opportunity on its own page, linkable as {@code /opportunities/{id}}: header, open substates (close them; open
 * any, for platform users), the partner's own work on it, the flow picture, the pending scheduled actions and the
 * timeline. An unknown id and one outside the user's partner scope show the same "not found": the page never tells
 * which opportunities exist. Actions run in the background: the refresh button shows what they have done since.
 */
@Route("opportunities")
@PermitAll
public class OpportunityView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    static final ZoneId ZONE = ZoneId.of("Europe/Rome");

    private final OpportunityService opportunities;
    private final OpportunityWorkspace workspace;
    private final PartnerTasks partnerTasks;
    private final boolean platformUser;
    private final DateTimeFormatter dateTimes;
    private final H2 title = new H2();
    private final Div states = new Div();
    private final Div details = new Div();
    private final Div openSubstates = new Div();
    private final Select<Substate> substateToOpen = new Select<>();
    private final FlowDiagramView diagram = new FlowDiagramView();
    private final ScheduledActionsList scheduled;
    private final TimelineList timeline;
    private Long opportunityId;
    private String pageTitle;

    OpportunityView(OpportunityService opportunities, OpportunityWorkspace workspace, AssignmentService assignments,
                    ActivityService activities, LiveUpdates live) {
        this.opportunities = opportunities;
        this.workspace = workspace;
        this.partnerTasks = new PartnerTasks(assignments, activities, this::refresh);
        FlowstateUser user = CurrentUser.require();
        this.platformUser = user.hasRole(Role.ADMIN) || user.hasRole(Role.INTERNAL);
        this.dateTimes = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(ZONE);
        this.scheduled = new ScheduledActionsList(workspace, platformUser, dateTimes, this::refresh);
        this.timeline = new TimelineList(workspace, dateTimes);
        setId("opportunity-view");
        setWidthFull();
        setPadding(true);
        addClassName(LumoUtility.MaxWidth.SCREEN_XLARGE);
        this.pageTitle = getTranslation("opportunity.title");
        // Live: any history row of this opportunity written (on any node) reads the page again — its substates,
        // timeline, scheduled actions and tasks — so a closed substate's follow-up shows without a reload.
        live.subscribe(this, CurrentUser.scope(),
                change -> opportunityId != null && opportunityId.equals(change.opportunityId()),
                changes -> refresh());
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        attach.getUI().getPage().addStyleSheet("context://flowstate/workspace.css");
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        removeAll();
        Optional<Opportunity> opportunity = parse(parameter)
                .flatMap(id -> opportunities.find(CurrentUser.scope(), id));
        if (opportunity.isEmpty()) {
            opportunityId = null;
            showNotFound();
            return;
        }
        opportunityId = opportunity.get().id();
        add(createHeader(), createContent());
        render(opportunity.get());
    }

    private static Optional<Long> parse(String parameter) {
        try {
            long id = Long.parseLong(parameter);
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void showNotFound() {
        pageTitle = getTranslation("opportunity.page.notFound.title");
        H2 heading = new H2(getTranslation("opportunity.page.notFound.title"));
        heading.setId("workspace-not-found");
        Paragraph text = new Paragraph(getTranslation("opportunity.page.notFound.text"));
        Anchor back = new Anchor("", getTranslation("opportunity.page.back"));
        back.setId("workspace-back");
        add(heading, text, back);
    }

    private Component createHeader() {
        Anchor back = new Anchor("", getTranslation("opportunity.page.back"));
        back.setId("workspace-back");
        back.addClassName(LumoUtility.FontSize.SMALL);
        title.setId("workspace-title");
        title.addClassNames(LumoUtility.Margin.NONE, LumoUtility.FontSize.XLARGE, LumoUtility.Overflow.HIDDEN,
                LumoUtility.TextOverflow.ELLIPSIS, LumoUtility.Whitespace.NOWRAP);
        states.setId("workspace-state");
        states.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.XSMALL);
        Button refresh = new Button(VaadinIcon.REFRESH.create(), click -> refresh());
        refresh.setId("workspace-refresh");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        refresh.setAriaLabel(getTranslation("action.refresh"));
        refresh.setTooltipText(getTranslation("action.refresh"));
        HorizontalLayout titleRow = new HorizontalLayout(title, refresh);
        titleRow.setWidthFull();
        titleRow.setAlignItems(FlexComponent.Alignment.CENTER);
        titleRow.setFlexGrow(1, title);
        title.getStyle().set("min-width", "0");
        VerticalLayout header = new VerticalLayout(back, titleRow, states);
        header.setPadding(false);
        header.setSpacing(false);
        header.setWidthFull();
        return header;
    }

    private Component createContent() {
        details.setId("workspace-details");
        details.addClassName("fs-details");
        openSubstates.setId("workspace-substates");
        openSubstates.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.XSMALL);
        Div side = new Div(details, heading("opportunity.panel.openSubstates"), openSubstates);
        if (platformUser) {
            side.add(createOpenSubstate());
        }
        side.add(partnerTasks);
        side.add(heading("opportunity.page.scheduled"), scheduled);
        side.addClassName("fs-workspace-side");
        Div diagramArea = new Div(heading("opportunity.page.diagram"), diagram);
        diagramArea.addClassName("fs-workspace-diagram");
        Div timelineArea = new Div(heading("opportunity.page.timeline"), timeline);
        timelineArea.addClassName("fs-workspace-timeline");
        Div content = new Div(side, diagramArea, timelineArea);
        content.addClassName("fs-workspace");
        return content;
    }

    private H3 heading(String key) {
        H3 heading = new H3(getTranslation(key));
        heading.addClassNames(LumoUtility.FontSize.MEDIUM, LumoUtility.Margin.Top.MEDIUM,
                LumoUtility.Margin.Bottom.XSMALL);
        return heading;
    }

    private Component createOpenSubstate() {
        substateToOpen.setId("workspace-substate-select");
        substateToOpen.setLabel(getTranslation("opportunity.panel.substateToOpen"));
        substateToOpen.setItemLabelGenerator(substate -> substate.name(getLocale()));
        Button open = new Button(getTranslation("opportunity.panel.open"), VaadinIcon.PLAY.create(),
                click -> openSelected());
        open.setId("workspace-open-substate");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        open.setEnabled(false);
        substateToOpen.addValueChangeListener(change -> open.setEnabled(change.getValue() != null));
        HorizontalLayout row = new HorizontalLayout(substateToOpen, open);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWidthFull();
        row.setFlexGrow(1, substateToOpen);
        substateToOpen.setMinWidth("0");
        return row;
    }

    /** Reads everything again: actions may have moved the opportunity on meanwhile. */
    void refresh() {
        if (opportunityId == null) {
            return;
        }
        opportunities.find(CurrentUser.scope(), opportunityId).ifPresentOrElse(this::render, () -> {
            removeAll();
            opportunityId = null;
            showNotFound();
        });
    }

    private void render(Opportunity opportunity) {
        pageTitle = opportunity.name();
        title.setText(opportunity.name());
        title.setTitle(opportunity.name());
        details.removeAll();
        detail("customer", "opportunity.column.customer", opportunity.customerName());
        detail("address", "opportunity.panel.address", address(opportunity));
        detail("type", "opportunity.field.type", typeOf(opportunity));
        detail("flow", "opportunity.panel.flow", flow(opportunity));
        detail("installer", "opportunity.column.installer", opportunity.installerName());
        detail("seller", "opportunity.column.seller", opportunity.sellerName());
        detail("owner", "opportunity.field.owner", opportunity.ownerName());
        detail("created-at", "opportunity.column.createdAt", format(opportunity.createdAt()));
        List<OpenSubstate> open = opportunities.openSubstates(CurrentUser.scope(), opportunity.id());
        renderState(open);
        renderOpenSubstates(open);
        if (platformUser) {
            substateToOpen.setItems(opportunities.substates(CurrentUser.scope(), opportunity.id()).stream()
                    .filter(substate -> open.stream().noneMatch(o -> o.key().equals(substate.key()))).toList());
        }
        partnerTasks.show(opportunity.id());
        scheduled.show(opportunity.id());
        timeline.show(opportunity.id());
        try {
            diagram.show(workspace.diagram(CurrentUser.scope(), opportunity.id()));
        } catch (NoDiagramException e) {
            diagram.setText(getTranslation("opportunity.page.noDiagram"));
        }
    }

    private void renderState(List<OpenSubstate> open) {
        states.removeAll();
        if (open.isEmpty()) {
            Span none = new Span(getTranslation("opportunity.panel.noOpenSubstates"));
            none.getElement().getThemeList().add("badge contrast");
            states.add(none);
        }
        for (OpenSubstate substate : open) {
            Span badge = new Span(substate.name(getLocale()));
            badge.getElement().getThemeList().add("badge");
            badge.getElement().setAttribute("data-substate", substate.key());
            states.add(badge);
        }
    }

    private void detail(String id, String labelKey, String value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName(LumoUtility.TextColor.SECONDARY);
        Span text = new Span(value == null || value.isBlank() ? "—" : value);
        text.setId("workspace-detail-" + id);
        details.add(label, text);
    }

    private String typeOf(Opportunity opportunity) {
        if (opportunity.typeKey() == null) {
            return null;
        }
        String key = "opportunity.type." + opportunity.typeKey();
        String label = getTranslation(key);
        return label.equals(key) || label.startsWith("!{") ? opportunity.typeKey() : label;
    }

    /** "SolarSalesFlow v2": the flow the opportunity runs and its version. */
    private static String flow(Opportunity opportunity) {
        if (opportunity.flowKey() == null) {
            return null;
        }
        return opportunity.flowKey() + (opportunity.flowVersion() == null ? "" : " v" + opportunity.flowVersion());
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
        text.getStyle().set("min-width", "0");
        HorizontalLayout row = new HorizontalLayout(text);
        row.addClassName("workspace-open-substate");
        row.getElement().setAttribute("data-substate", substate.key());
        row.setWidthFull();
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        row.setFlexGrow(1, text);
        if (platformUser) {
            Button close = new Button(getTranslation("opportunity.panel.close"),
                    click -> change(() -> opportunities.closeSubstate(CurrentUser.scope(), opportunityId,
                            substate.key()), "opportunity.panel.closed", substate.name(getLocale())));
            close.setId("workspace-close-" + substate.key());
            close.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            row.add(close);
        }
        return row;
    }

    private void openSelected() {
        Substate substate = substateToOpen.getValue();
        if (substate != null) {
            change(() -> opportunities.openSubstate(CurrentUser.scope(), opportunityId, substate.key()),
                    "opportunity.panel.opened", substate.name(getLocale()));
            substateToOpen.clear();
        }
    }

    /** Runs a change; one the flow or the rules refuse is explained in the user's language, not thrown at them. */
    private void change(Runnable action, String successKey, String subject) {
        if (opportunityId == null) {
            return;
        }
        try {
            action.run();
            Notifications.success(getTranslation(successKey, subject));
        } catch (RuntimeException e) {
            Notifications.error(refusal(this, e));
        }
        refresh();
    }

    /** The translated reason a change was refused; shared by the page's sections. */
    static String refusal(Component component, RuntimeException e) {
        if (e instanceof SubstateChangeException refused) {
            return component.getTranslation("opportunity.page.refused." + refused.reason().name());
        }
        if (e instanceof TimerNotPendingException timer) {
            return component.getTranslation(timer.firing() ? "opportunity.page.refused.timerFiring"
                    : "opportunity.page.refused.timerGone");
        }
        if (e instanceof OpportunityNotFoundException) {
            return component.getTranslation("opportunity.notFound");
        }
        if (e instanceof AccessDeniedException) {
            return component.getTranslation("opportunity.page.refused.denied");
        }
        if (e instanceof IllegalArgumentException) {
            return component.getTranslation("opportunity.page.refused.invalid");
        }
        throw e;
    }

    private String format(Instant instant) {
        return instant == null ? "" : dateTimes.format(instant);
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }
}
