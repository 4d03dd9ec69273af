package com.flowstate.retry.ui;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.flowstate.history.ActionHistoryRow;
import com.flowstate.history.CappedCount;
import com.flowstate.history.ui.HistoryTab;
import com.flowstate.history.ui.HistoryTabExtension;
import com.flowstate.retry.RetryBatchProgress;
import com.flowstate.retry.RetryRefusedException;
import com.flowstate.retry.RetryService;
import com.flowstate.retry.RetryTargetNotFoundException;
import com.flowstate.ui.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * Adds retry and resend to every action's tab: for ADMIN and INTERNAL users multi-select with "Retry selected" and
 * "Retry all failed" (matching the tab's filters: the count is shown first, then a progress bar), and for everyone
 * who sees a row its attempts in the row's details, with Retry / Resend buttons for staff.
 */
@Component
class RetryTabExtension implements HistoryTabExtension {

    private final RetryService retries;

    RetryTabExtension(RetryService retries) {
        this.retries = retries;
    }

    @Override
    public void extend(String action, HistoryTab<?, ?> tab) {
        retries.tabKey(action).ifPresent(key -> extend(key, retries.abilities(action), tab));
    }

    private <R extends ActionHistoryRow> void extend(String key, RetryService.Abilities abilities,
                                                    HistoryTab<R, ?> tab) {
        tab.addDetailsSection(row -> {
            try {
                return new RowRetryPanel(retries, key, row, abilities, tab.idPrefix(), tab::reload);
            } catch (RetryTargetNotFoundException outsideTheOpportunityScope) {
                // A row the tab shows beyond the user's opportunities (an offer the company rejected, since given
                // to another): its details stand without attempts or actions.
                return new Div();
            }
        });
        if (abilities.retry()) {
            addBulkRetry(key, tab);
        }
    }

    private <R extends ActionHistoryRow> void addBulkRetry(String key, HistoryTab<R, ?> tab) {
        Grid<R> grid = tab.grid();
        grid.setSelectionMode(Grid.SelectionMode.MULTI);

        Button selected = new Button(tab.getTranslation("retry.selected"), VaadinIcon.ROTATE_LEFT.create());
        selected.setId(tab.idPrefix() + "-retry-selected");
        selected.setEnabled(false);
        grid.addSelectionListener(event -> selected.setEnabled(!event.getAllSelectedItems().isEmpty()));
        selected.addClickListener(click -> {
            Set<R> rows = grid.getSelectedItems();
            List<Long> ids = rows.stream().map(ActionHistoryRow::id).toList();
            BulkRetryDialogs.confirm(tab, tab.getTranslation("retry.confirm.selected", ids.size()), selected,
                    () -> start(tab, () -> retries.retrySelected(key, ids)));
        });

        Button all = new Button(tab.getTranslation("retry.all"), VaadinIcon.ROTATE_LEFT.create());
        all.setId(tab.idPrefix() + "-retry-all");
        all.setTooltipText(tab.getTranslation("retry.all.tooltip"));
        all.addClickListener(click -> {
            Object filter = tab.currentFilter();
            CappedCount count;
            try {
                count = retries.countFailed(key, filter);
            } catch (IllegalArgumentException invalidFilter) {
                Notifications.error(invalidFilter.getMessage());
                return;
            }
            if (count.value() == 0) {
                Notifications.error(tab.getTranslation("retry.confirm.none"));
                return;
            }
            Object shown = count.capped() ? tab.getTranslation("history.count.capped", count.value()) : count.value();
            BulkRetryDialogs.confirm(tab, tab.getTranslation("retry.confirm.all", shown), all,
                    () -> start(tab, () -> retries.retryMatching(key, filter)));
        });

        for (Button button : List.of(selected, all)) {
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        }
        tab.addToToolbar(selected, all);
    }

    private void start(HistoryTab<?, ?> tab, java.util.function.Supplier<RetryBatchProgress> retry) {
        try {
            RetryBatchProgress batch = retry.get();
            tab.grid().deselectAll();
            tab.reload();
            if (batch.total() == 0) {
                // Every row was taken meanwhile (another click, another user) or is no longer failed.
                Notifications.error(tab.getTranslation("retry.refused.notFailed"));
                return;
            }
            BulkRetryDialogs.progress(tab, batch, () -> retries.batch(batch.id()), tab::reload);
        } catch (RetryRefusedException refused) {
            Notifications.error(tab.getTranslation(refused.messageKey()));
        } catch (RetryTargetNotFoundException gone) {
            Notifications.error(tab.getTranslation("retry.notFound"));
        }
    }
}
