package com.flowstate.action.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import com.deepoove.poi.data.NumberingRenderData;
import com.deepoove.poi.data.Numberings;
import com.flowstate.flow.ActionDefinition;
import com.flowstate.opportunity.OpenSubstate;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.opportunity.OpportunityService;
import com.flowstate.security.PartnerScope;

/**
 * What a report template can show, as the data poi-tl fills it from. The names match the e-mail templates'
 * ({@code {{customer.name}}}, {@code {{opportunity.city}}}…) so designers learn one vocabulary; on top a report has
 * {@code {{opportunity.address}}}, {@code {{generatedAt}}}, the open substates as a bullet list
 * ({@code {{*openSubstates}}}) or a line ({@code {{openSubstateNames}}}), and the activities as table rows
 * ({@code {{activities}}} in a header cell, {@code [type] [subject] [dueDate] [completed] [completedAt] [assignee]}
 * in the row below). Every value is a string, never null: templates are filled in strict mode, so a placeholder
 * that names nothing fails instead of printing blank.
 */
@Component
class ReportModel {

    /** The placeholder of the activities table; bound to poi-tl's row-loop policy. */
    static final String ACTIVITIES = "activities";

    private final OpportunityService opportunities;
    private final ReportActivities activities;

    ReportModel(OpportunityService opportunities, ReportActivities activities) {
        this.opportunities = opportunities;
        this.activities = activities;
    }

    /** The data of one opportunity's report, as the opportunity is now. */
    Map<String, Object> of(Opportunity opportunity, ActionDefinition action, Instant at) {
        List<String> open = opportunities.openSubstates(PartnerScope.everything(), opportunity.id()).stream()
                .map(OpenSubstate::name).toList();
        return assemble(opportunity, action.substateKey(), action.substateName(), action.trigger().name(), open,
                activities.of(opportunity.id()), at);
    }

    /**
     * Data of the same shape with made-up values: a template that fills with it uses no placeholder a real report
     * lacks. Checked when a template is saved.
     */
    static Map<String, Object> sample() {
        Opportunity opportunity = new Opportunity(1, "FV Rossi – MI", "Mario Rossi", "mario.rossi@example.com",
                "+39 333 1234567", "Via Roma 1", "Milano", "20121", "MI", 2L, "Installatore S.r.l.",
                "installatore@example.com", 3L, "Venditore S.r.l.", "venditore@example.com", "internal",
                "Giulia Conti", "giulia.conti@example.com", "process", Instant.EPOCH, "residential", "SolarSalesFlow", 1, "it");
        return assemble(opportunity, "Offer", "Offerta", "CLOSE", List.of("Offerta"),
                List.of(new ReportActivities.Line("CALL", "Chiamare Mario Rossi", LocalDate.of(2025, 1, 31), null,
                        "Giulia Conti")), Instant.EPOCH);
    }

    private static Map<String, Object> assemble(Opportunity opportunity, String substateKey, String substateName,
                                                String trigger, List<String> openSubstates,
                                                List<ReportActivities.Line> activityLines, Instant at) {
        Map<String, Object> data = new HashMap<>();
        data.put("opportunity", values(
                "id", String.valueOf(opportunity.id()),
                "name", opportunity.name(),
                "street", opportunity.street(),
                "city", opportunity.city(),
                "postalCode", opportunity.postalCode(),
                "province", opportunity.province(),
                "address", address(opportunity)));
        data.put("customer", values("name", opportunity.customerName(), "email", opportunity.customerEmail(),
                "phone", opportunity.customerPhone()));
        data.put("installer", values("name", opportunity.installerName(), "email", opportunity.installerEmail()));
        data.put("seller", values("name", opportunity.sellerName(), "email", opportunity.sellerEmail()));
        data.put("owner", values("name", opportunity.ownerName(), "email", opportunity.ownerEmail()));
        data.put("substate", values("key", substateKey, "name", substateName));
        data.put("trigger", trigger);
        data.put("generatedAt", ReportTexts.dateTime(at));
        data.put("openSubstates", bulletList(openSubstates));
        data.put("openSubstateNames", String.join(", ", openSubstates));
        data.put(ACTIVITIES, activityLines.stream().map(ReportModel::row).toList());
        return data;
    }

    private static Map<String, String> row(ReportActivities.Line line) {
        return values(
                "type", ReportTexts.activityType(line.type()),
                "subject", line.subject(),
                "dueDate", ReportTexts.date(line.dueDate()),
                "completed", ReportTexts.completed(line.completedAt() != null),
                "completedAt", ReportTexts.dateTime(line.completedAt()),
                "assignee", line.assignee());
    }

    private static NumberingRenderData bulletList(List<String> items) {
        var list = Numberings.ofBullet();
        items.forEach(list::addItem);
        return list.create();
    }

    /** "Via Roma 1, 20121 Milano (MI)", leaving out what the opportunity lacks. */
    private static String address(Opportunity opportunity) {
        String place = Stream.of(opportunity.postalCode(), opportunity.city())
                .filter(ReportModel::present).collect(Collectors.joining(" "));
        if (present(opportunity.province())) {
            place = place.isEmpty() ? opportunity.province() : place + " (" + opportunity.province() + ")";
        }
        return Stream.of(opportunity.street(), place).filter(ReportModel::present)
                .collect(Collectors.joining(", "));
    }

    /** Name → value pairs as an ordered map; a missing value becomes empty text. */
    private static Map<String, String> values(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], Objects.toString(pairs[i + 1], ""));
        }
        return map;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
