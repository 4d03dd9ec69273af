package com.flowstate.history.ui;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.flowstate.history.CappedCount;
import com.flowstate.history.OutcomeCounts;
import com.flowstate.history.OutcomeCounts.ActionOutcomes;
import com.flowstate.history.OutcomeCounts.Outcomes;
import com.flowstate.security.PartnerScope;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The small dashboard above the history tabs: per action, how many executions succeeded, failed or are retrying
 * over the last 7 and 30 days, within the user's scope, as numbers that link to the tab filtered the same way and
 * as a bar chart (SVG drawn here: no script, nothing for the browser to load). Collapsible; cards that wrap, so a
 * phone shows it compact.
 */
class ActionHistoryDashboard extends Details {

    static final List<Integer> DAYS = List.of(7, 30);
    private static final ZoneId ZONE = ZoneId.of("Europe/Rome");
    private static final String SUCCEEDED = "var(--lumo-success-color)";
    private static final String FAILED = "var(--lumo-error-color)";
    private static final String RETRYING = "var(--lumo-warning-text-color, #a36b00)";
    private static final List<String> OUTCOMES = List.of("succeeded", "failed", "retrying");
    /** The history URL's status filter for each outcome: the REST filter's true/false, and RETRYING. */
    private static final List<String> STATUS_FILTERS = List.of("true", "false", "RETRYING");

    ActionHistoryDashboard(OutcomeCounts outcomes, List<HistoryTabProvider> tabs, PartnerScope scope) {
        setId("history-dashboard");
        setSummaryText(getTranslation("dashboard.summary"));
        setOpened(true);
        setWidthFull();
        LocalDate today = LocalDate.now(ZONE);
        List<LocalDate> since = DAYS.stream().map(days -> today.minusDays(days - 1L)).toList();
        Map<String, HistoryTabProvider> tabsByAction = tabs.stream()
                .collect(Collectors.toMap(HistoryTabProvider::action, Function.identity(), (a, b) -> a));
        List<ActionOutcomes> counted = outcomes.since(scope, since).stream()
                .filter(action -> tabsByAction.containsKey(action.action()))
                .sorted(Comparator.comparingInt(action -> tabsByAction.get(action.action()).order()))
                .toList();
        Div table = new Div(table(counted, tabsByAction));
        // A phone scrolls the table sideways rather than squeezing it.
        table.getStyle().set("overflow-x", "auto").set("max-width", "100%");
        Div content = new Div(table, chart(counted, tabsByAction));
        content.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.LARGE,
                LumoUtility.AlignItems.START);
        add(content);
        // Closed on a phone, where the tabs matter more than the summary.
        getUI().ifPresentOrElse(this::closeOnPhone, () -> addAttachListener(event -> closeOnPhone(event.getUI())));
    }

    private void closeOnPhone(UI ui) {
        ui.getPage().retrieveExtendedClientDetails(details -> {
            if (details.getWindowInnerWidth() < 600) {
                setOpened(false);
            }
        });
    }

    /** One row per action; for each period, succeeded / failed / retrying. */
    private Component table(List<ActionOutcomes> actions, Map<String, HistoryTabProvider> tabs) {
        NativeTable table = new NativeTable();
        table.setId("dashboard-table");
        table.getStyle().set("border-collapse", "collapse").set("font-size", "var(--lumo-font-size-s)")
                .set("white-space", "nowrap");
        NativeTableRow periods = new NativeTableRow(new NativeTableHeaderCell());
        NativeTableRow outcomes = new NativeTableRow(new NativeTableHeaderCell());
        for (int days : DAYS) {
            NativeTableHeaderCell period = new NativeTableHeaderCell(getTranslation("dashboard.days", days));
            period.getElement().setAttribute("colspan", "3");
            periods.add(period);
            for (String outcome : OUTCOMES) {
                NativeTableHeaderCell header = new NativeTableHeaderCell(getTranslation("dashboard.outcome." + outcome));
                header.getStyle().set("color", colour(outcome)).set("font-weight", "normal")
                        .set("font-size", "var(--lumo-font-size-xs)").set("padding", "0 var(--lumo-space-s)");
                outcomes.add(header);
            }
        }
        table.getHead().add(periods, outcomes);
        for (ActionOutcomes action : actions) {
            NativeTableRow row = new NativeTableRow();
            row.setId("dashboard-" + action.tabKey());
            NativeTableHeaderCell name = new NativeTableHeaderCell(label(tabs.get(action.action())));
            name.getStyle().set("text-align", "start").set("padding-inline-end", "var(--lumo-space-m)");
            row.add(name);
            for (int i = 0; i < DAYS.size(); i++) {
                Outcomes counts = action.counts().get(i);
                CappedCount[] values = {counts.succeeded(), counts.failed(), counts.retrying()};
                for (int j = 0; j < OUTCOMES.size(); j++) {
                    NativeTableCell cell = new NativeTableCell(number(action, DAYS.get(i), OUTCOMES.get(j),
                            STATUS_FILTERS.get(j), values[j], counts.since()));
                    cell.getStyle().set("text-align", "end").set("padding", "2px var(--lumo-space-s)");
                    row.add(cell);
                }
            }
            row.getStyle().set("border-top", "1px solid var(--lumo-contrast-10pct)");
            table.getBody().add(row);
        }
        return table;
    }

    private static String colour(String outcome) {
        return switch (outcome) {
            case "succeeded" -> SUCCEEDED;
            case "failed" -> FAILED;
            default -> RETRYING;
        };
    }

    private String label(HistoryTabProvider tab) {
        return tab.label(this::getTranslation);
    }

    /** A count that opens the action's tab filtered to it: {@code /account/history?tab=…&status=…&from=…}. */
    private Anchor number(ActionOutcomes action, int days, String outcome, String status, CappedCount count,
                          LocalDate since) {
        Anchor link = new Anchor("account/history?tab=" + action.tabKey() + "&status=" + status + "&from=" + since,
                text(count));
        link.setId("dashboard-" + action.tabKey() + "-" + days + "-" + outcome);
        link.setTitle(getTranslation("dashboard.outcome." + outcome) + " · " + getTranslation("dashboard.days", days)
                + (count.capped() ? " · " + getTranslation("history.count.capped.tooltip", CappedCount.CAP) : ""));
        link.getStyle().set("color", count.value() == 0 ? "var(--lumo-tertiary-text-color)" : colour(outcome))
                .set("font-variant-numeric", "tabular-nums");
        link.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        return link;
    }

    /** A count as the user reads it: "10,000+" when counting stopped at the cap. */
    private String text(CappedCount count) {
        return count.capped() ? getTranslation("history.count.capped", count.value()) : Long.toString(count.value());
    }

    /** Horizontal stacked bars of the last 30 days, one per action, scaled to the busiest. */
    private Component chart(List<ActionOutcomes> actions, Map<String, HistoryTabProvider> tabs) {
        int last = DAYS.size() - 1;
        long busiest = Math.max(1, actions.stream().map(action -> action.counts().get(last))
                .mapToLong(o -> o.succeeded().value() + o.failed().value() + o.retrying().value()).max().orElse(0));
        int row = 22;
        int labelWidth = 130;
        int barWidth = 260;
        int height = actions.size() * row + 26;
        StringBuilder svg = new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 ")
                .append(labelWidth + barWidth + 50).append(' ').append(height)
                .append("' role='img' style='width:100%;height:auto;font:12px var(--lumo-font-family)'>")
                .append("<title>").append(escape(getTranslation("dashboard.chart", DAYS.get(last)))).append("</title>");
        int y = 0;
        for (ActionOutcomes action : actions) {
            Outcomes o = action.counts().get(last);
            svg.append("<text x='0' y='").append(y + 15).append("' fill='currentColor'>")
                    .append(escape(label(tabs.get(action.action())))).append("</text>");
            double x = labelWidth;
            for (long[] part : new long[][] {{o.succeeded().value(), 0}, {o.failed().value(), 1},
                    {o.retrying().value(), 2}}) {
                double width = (double) part[0] / busiest * barWidth;
                if (width > 0) {
                    svg.append("<rect x='").append(x).append("' y='").append(y + 4).append("' width='").append(width)
                            .append("' height='14' fill='").append(List.of(SUCCEEDED, FAILED, RETRYING).get((int) part[1]))
                            .append("'/>");
                    x += width;
                }
            }
            svg.append("<text x='").append(x + 4).append("' y='").append(y + 15)
                    .append("' fill='currentColor'>").append(escape(total(o))).append("</text>");
            y += row;
        }
        int legendX = 0;
        for (String outcome : OUTCOMES) {
            String colour = colour(outcome);
            svg.append("<rect x='").append(legendX).append("' y='").append(y + 8)
                    .append("' width='10' height='10' fill='").append(colour).append("'/>")
                    .append("<text x='").append(legendX + 14).append("' y='").append(y + 17)
                    .append("' fill='currentColor'>").append(escape(getTranslation("dashboard.outcome." + outcome)))
                    .append("</text>");
            legendX += 115;
        }
        svg.append("</svg>");
        Html chart = new Html("<div id='dashboard-chart' style='flex:1 1 18rem;max-width:30rem'>" + svg + "</div>");
        return chart;
    }

    /** The bar's total; "10,000+" when any of its counts stopped at the cap. */
    private String total(Outcomes o) {
        long sum = o.succeeded().value() + o.failed().value() + o.retrying().value();
        boolean capped = o.succeeded().capped() || o.failed().capped() || o.retrying().capped();
        return capped ? getTranslation("history.count.capped", sum) : Long.toString(sum);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
    }
}
