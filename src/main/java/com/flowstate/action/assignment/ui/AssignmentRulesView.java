package com.flowstate.action.assignment.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.flowstate.action.assignment.AssignmentCandidate;
import com.flowstate.action.assignment.AssignmentCriterion;
import com.flowstate.action.assignment.AssignmentRule;
import com.flowstate.action.assignment.AssignmentRuleChange;
import com.flowstate.action.assignment.AssignmentRuleService;
import com.flowstate.action.assignment.AssignmentSimulation;
import com.flowstate.action.assignment.AssignmentStrategy;
import com.flowstate.action.assignment.InvalidAssignmentRuleException;
import com.flowstate.action.assignment.PartnerRole;
import com.flowstate.ui.Notifications;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.RolesAllowed;

/**
 * The assignment rules of a role (installer, seller): its strategy, each partner's capacity and rank in the fixed
 * priority order, the zones each covers (read-only: they belong to the partner); and the "who would get this
 * opportunity" simulator, which asks the same chooser a real assignment does and assigns nothing.
 *
 * <p>The partners of a role are a configuration list (tens, not thousands), held in memory and filtered by name.
 */
@Route("admin/assignment-rules")
@RolesAllowed("ADMIN")
public class AssignmentRulesView extends VerticalLayout implements HasDynamicTitle {

    private static final ZoneId ZONE = ZoneId.of("Europe/Rome");

    private final AssignmentRuleService rules;
    private final Select<PartnerRole> role = new Select<>();
    private final Select<AssignmentStrategy> strategy = new Select<>();
    private final TextField partnerFilter = new TextField();
    private final Grid<AssignmentRule.Partner> partnerGrid = new Grid<>();
    private final Map<Long, IntegerField> capacities = new HashMap<>();
    private final Map<Long, IntegerField> priorities = new HashMap<>();
    private final TextField postalCode = new TextField();
    private final TextField province = new TextField();
    private final Div simulation = new Div();
    private final DateTimeFormatter dateTimes;
    private AssignmentRule rule;

    AssignmentRulesView(AssignmentRuleService rules) {
        this.rules = rules;
        this.dateTimes = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                .withZone(ZONE);
        setId("assignment-rules-view");
        add(createRuleForm(), createPartnerGrid(), createSaveButton(),
                heading("rules.simulator.title"), createSimulator(), simulation);
        show(PartnerRole.INSTALLER);
    }

    private Component heading(String key) {
        H3 heading = new H3(getTranslation(key));
        heading.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.Bottom.NONE);
        return heading;
    }

    private Component createRuleForm() {
        role.setId("rules-role");
        role.setLabel(getTranslation("rules.role"));
        role.setItems(PartnerRole.values());
        role.setItemLabelGenerator(item -> getTranslation("rules.role." + item.name()));
        role.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                show(change.getValue());
            }
        });
        strategy.setId("rules-strategy");
        strategy.setLabel(getTranslation("rules.strategy"));
        strategy.setItems(AssignmentStrategy.values());
        strategy.setItemLabelGenerator(item -> getTranslation("rules.strategy." + item.name()));
        strategy.addValueChangeListener(change -> {
            strategy.setInvalid(false);
            strategy.setHelperText(change.getValue() == null ? null
                    : getTranslation("rules.strategyHelp." + change.getValue().name()));
        });
        strategy.setWidth("22rem");
        partnerFilter.setId("rules-partner-filter");
        partnerFilter.setLabel(getTranslation("rules.partnerFilter"));
        partnerFilter.setClearButtonVisible(true);
        partnerFilter.setValueChangeMode(ValueChangeMode.LAZY);
        partnerFilter.addValueChangeListener(change -> showPartners());
        Paragraph zones = new Paragraph(getTranslation("rules.zonesHint"));
        zones.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.NONE);
        FlexLayout form = new FlexLayout(role, strategy, partnerFilter);
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.addClassNames(LumoUtility.Gap.MEDIUM);
        VerticalLayout wrapper = new VerticalLayout(form, zones);
        wrapper.setPadding(false);
        wrapper.setSpacing(false);
        return wrapper;
    }

    private Component createPartnerGrid() {
        partnerGrid.setId("rules-partner-grid");
        partnerGrid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        partnerGrid.addColumn(AssignmentRule.Partner::companyName).setHeader(getTranslation("rules.column.partner"))
                .setFlexGrow(2).setTooltipGenerator(AssignmentRule.Partner::companyName);
        partnerGrid.addColumn(partner -> partner.zones().isEmpty() ? getTranslation("rules.noZones")
                        : String.join(", ", partner.zones()))
                .setHeader(getTranslation("rules.column.zones")).setFlexGrow(1);
        partnerGrid.addColumn(AssignmentRule.Partner::openOpportunities)
                .setHeader(getTranslation("rules.column.open")).setAutoWidth(true).setFlexGrow(0);
        partnerGrid.addComponentColumn(partner -> numberField(capacities, "rules-capacity-", partner,
                        partner.capacity(), "rules.noLimit"))
                .setHeader(getTranslation("rules.column.capacity")).setWidth("9rem").setFlexGrow(0);
        partnerGrid.addComponentColumn(partner -> numberField(priorities, "rules-priority-", partner,
                        partner.priority(), "rules.notRanked"))
                .setHeader(getTranslation("rules.column.priority")).setWidth("9rem").setFlexGrow(0);
        return partnerGrid;
    }

    /** One editable number per partner, kept across filtering so an edit survives until saved. */
    private IntegerField numberField(Map<Long, IntegerField> fields, String idPrefix, AssignmentRule.Partner partner,
                                     Integer value, String placeholderKey) {
        return fields.computeIfAbsent(partner.companyId(), id -> {
            IntegerField field = new IntegerField();
            field.setId(idPrefix + id);
            field.setValue(value);
            field.setPlaceholder(getTranslation(placeholderKey));
            field.setWidthFull();
            field.addThemeName("small");
            field.getElement().setAttribute("aria-label", getTranslation(placeholderKey) + " · "
                    + partner.companyName());
            field.addValueChangeListener(change -> field.setInvalid(false));
            return field;
        });
    }

    private Component createSaveButton() {
        Button save = new Button(getTranslation("action.save"), click -> save());
        save.setId("rules-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return save;
    }

    private Component createSimulator() {
        postalCode.setId("simulator-postal-code");
        postalCode.setLabel(getTranslation("rules.simulator.postalCode"));
        postalCode.setMaxLength(5);
        postalCode.setWidth("10rem");
        postalCode.addValueChangeListener(change -> postalCode.setInvalid(false));
        province.setId("simulator-province");
        province.setLabel(getTranslation("rules.simulator.province"));
        province.setMaxLength(2);
        province.setWidth("8rem");
        province.addValueChangeListener(change -> province.setInvalid(false));
        Button run = new Button(getTranslation("rules.simulator.run"), click -> simulate());
        run.setId("simulator-run");
        FlexLayout form = new FlexLayout(postalCode, province, run);
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.addClassNames(LumoUtility.Gap.MEDIUM);
        simulation.setId("simulator-result");
        simulation.setWidthFull();
        return form;
    }

    private void show(PartnerRole partnerRole) {
        rule = rules.rule(partnerRole);
        capacities.clear();
        priorities.clear();
        role.setValue(partnerRole);
        strategy.setValue(rule.strategy());
        showPartners();
        simulation.removeAll();
    }

    private void showPartners() {
        String filter = partnerFilter.getValue().strip().toLowerCase(Locale.ROOT);
        List<AssignmentRule.Partner> shown = rule.partners().stream()
                .filter(partner -> partner.companyName().toLowerCase(Locale.ROOT).contains(filter)).toList();
        // A few rows take their own height; many scroll inside the grid, so the simulator stays in reach.
        partnerGrid.setAllRowsVisible(shown.size() <= 8);
        partnerGrid.setHeight(shown.size() <= 8 ? null : "22rem");
        partnerGrid.setItems(shown);
    }

    private void save() {
        capacities.values().forEach(field -> field.setInvalid(false));
        priorities.values().forEach(field -> field.setInvalid(false));
        strategy.setInvalid(false);
        List<AssignmentRuleChange.Capacity> capacityChanges = new ArrayList<>();
        for (AssignmentRule.Partner partner : rule.partners()) {
            Integer capacity = current(capacities, partner.companyId(), partner.capacity());
            if (capacity != null) {
                capacityChanges.add(new AssignmentRuleChange.Capacity(partner.companyId(), capacity));
            }
        }
        List<Map.Entry<Long, Integer>> ranked = new ArrayList<>();
        for (AssignmentRule.Partner partner : rule.partners()) {
            Integer rank = current(priorities, partner.companyId(), partner.priority());
            if (rank != null) {
                if (rank < 1 || ranked.stream().anyMatch(entry -> entry.getValue().equals(rank))) {
                    showError(priorities.get(partner.companyId()), getTranslation("rules.error.rank"));
                    return;
                }
                ranked.add(Map.entry(partner.companyId(), rank));
            }
        }
        List<Long> order = ranked.stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
        try {
            PartnerRole partnerRole = rule.role();
            rules.update(partnerRole, new AssignmentRuleChange(
                    strategy.getValue() == null ? null : strategy.getValue().name(), order, capacityChanges));
            Notifications.success(getTranslation("rules.saved", getTranslation("rules.role." + partnerRole.name()),
                    getTranslation("rules.strategy." + strategy.getValue().name())));
            show(partnerRole);
        } catch (InvalidAssignmentRuleException e) {
            String message = e.reason().in(getLocale());
            HasValidation field = switch (e.field()) {
                case "capacities" -> e.companyId() == null ? null : capacities.get(e.companyId());
                case "priority" -> e.companyId() == null ? null : priorities.get(e.companyId());
                default -> null;
            };
            showError(field == null ? strategy : field, message);
        }
    }

    /** The field's value when it was shown (and so possibly edited), else the saved one. */
    private static Integer current(Map<Long, IntegerField> fields, long companyId, Integer saved) {
        IntegerField field = fields.get(companyId);
        return field == null ? saved : field.getValue();
    }

    private static void showError(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private void simulate() {
        simulation.removeAll();
        try {
            AssignmentSimulation answer = rules.simulate(rule.role().name(), postalCode.getValue(),
                    province.getValue());
            simulation.add(answer(answer), candidates(answer.candidates()));
            // On a phone the answer is below the fold: bring it up.
            simulation.scrollIntoView();
        } catch (InvalidAssignmentRuleException e) {
            showError("province".equals(e.field()) ? province : postalCode, e.reason().in(getLocale()));
        }
    }

    private Component answer(AssignmentSimulation answer) {
        Span strategyUsed = new Span(getTranslation("rules.simulator.strategy",
                getTranslation("rules.strategy." + answer.strategy().name())));
        strategyUsed.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        Span outcome = answer.chosenCompanyId() == null
                ? new Span(getTranslation("rules.simulator.nobody", answer.noCandidate().in(getLocale())))
                : new Span(getTranslation("rules.simulator.chosen", answer.chosenCompanyName(),
                criterion(answer.criterion())));
        outcome.setId("simulator-answer");
        outcome.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        Div text = new Div(outcome, new Div(strategyUsed));
        text.addClassNames(LumoUtility.Padding.Vertical.SMALL);
        return text;
    }

    /** As the Assignment tab says it: "province MI · least loaded (2 open) of 3". */
    private String criterion(AssignmentCriterion criterion) {
        String zone = getTranslation("history.assignment.criterion." + criterion.zoneType().name(), criterion.zone());
        String how = criterion.candidates() != null && criterion.candidates() == 1
                ? getTranslation("history.assignment.criterion.only", criterion.openOpportunities())
                : getTranslation(criterion.strategyUsed() == AssignmentStrategy.LEAST_LOADED
                                ? "history.assignment.criterion.leastLoaded"
                                : "rules.criterion." + criterion.strategyUsed().name(),
                        criterion.openOpportunities(), criterion.candidates());
        String text = zone + " · " + how;
        if (Boolean.TRUE.equals(criterion.roundRobin())
                && criterion.strategyUsed() != AssignmentStrategy.ROUND_ROBIN) {
            text += " · " + getTranslation("history.assignment.criterion.roundRobin");
        }
        return text;
    }

    private Component candidates(List<AssignmentCandidate> candidates) {
        Grid<AssignmentCandidate> grid = new Grid<>();
        grid.setId("simulator-candidates");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(AssignmentCandidate::companyName).setHeader(getTranslation("rules.column.partner"))
                .setFlexGrow(2);
        grid.addColumn(candidate -> getTranslation("history.assignment.criterion." + candidate.zoneType().name(),
                candidate.zone())).setHeader(getTranslation("rules.column.zone")).setAutoWidth(true);
        grid.addColumn(candidate -> candidate.openOpportunities() + " / "
                        + (candidate.capacity() == null ? "∞" : candidate.capacity()))
                .setHeader(getTranslation("rules.column.load")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(candidate -> candidate.priority() == null ? "—" : "#" + candidate.priority())
                .setHeader(getTranslation("rules.column.priority")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(candidate -> candidate.lastOfferAt() == null ? getTranslation("rules.neverOffered")
                        : dateTimes.format(candidate.lastOfferAt()))
                .setHeader(getTranslation("rules.column.lastOffer")).setAutoWidth(true);
        grid.addColumn(candidate -> getTranslation("rules.outcome." + candidate.outcome().name()))
                .setHeader(getTranslation("rules.column.outcome")).setAutoWidth(true);
        grid.setItems(candidates.stream().sorted(Comparator.comparingInt(c -> c.outcome().ordinal())).toList());
        grid.setVisible(!candidates.isEmpty());
        return grid;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("rules.title");
    }
}
