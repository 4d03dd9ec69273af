package com.flowstate.action.noop.ui;

import java.util.function.UnaryOperator;

import org.springframework.stereotype.Component;

import com.flowstate.action.noop.NoopHistoryQuery;
import com.flowstate.history.ui.HistoryTabProvider;

@Component
class NoopHistoryTabProvider extends HistoryTabProvider {

    NoopHistoryTabProvider(NoopHistoryQuery query) {
        super("noopAction", "tab-noop", 1000, "history.tab.noop", () -> new NoopHistoryTab(query));
    }

    /** A test-only action has no key in the application's bundles. */
    @Override
    public String label(UnaryOperator<String> translate) {
        return "No-op";
    }
}
