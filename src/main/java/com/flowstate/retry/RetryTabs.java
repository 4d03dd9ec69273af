package com.flowstate.retry;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.stereotype.Component;

import com.flowstate.action.ActionReruns;
import com.flowstate.history.HistoryQuery;
import com.flowstate.history.ui.HistoryTabProvider;

/**
 * Finds a history tab by the key a URL names it with: the tab's id without {@code tab-} ({@code email},
 * {@code reports}), singular or plural alike, so {@code /api/history/emails/…} (the REST collection) and
 * {@code ?tab=email} (the history URL) both work. A tab's query is the {@link HistoryQuery} bean in its action's
 * package (package by feature): nothing lists them.
 */
@Component
class RetryTabs {

    private final List<HistoryTabProvider> providers;
    private final ActionReruns reruns;
    private final ApplicationContext context;

    RetryTabs(List<HistoryTabProvider> providers, ActionReruns reruns, ApplicationContext context) {
        this.providers = providers;
        this.reruns = reruns;
        this.context = context;
    }

    /**
     * A tab as retry sees it.
     *
     * @param filterType the record the tab's query filters by (its REST query parameters)
     */
    record Tab(String key, ActionReruns.Target target, HistoryQuery<?, ?> query, Class<?> filterType) {
    }

    Tab resolve(String key) {
        return find(key).orElseThrow(() -> new RetryTargetNotFoundException("No history tab '" + key + "'"));
    }

    /** The tab of an action, by its name (as {@link HistoryTabProvider#action()} gives it). */
    Optional<Tab> ofAction(String action) {
        return providers.stream().filter(provider -> provider.action().equals(action)).findFirst()
                .flatMap(provider -> tab(provider));
    }

    private Optional<Tab> find(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String wanted = singular(key);
        return providers.stream().filter(provider -> singular(keyOf(provider)).equals(wanted)).findFirst()
                .flatMap(this::tab);
    }

    private Optional<Tab> tab(HistoryTabProvider provider) {
        return reruns.target(provider.action()).flatMap(target -> {
            String featurePackage = target.type().getPackageName();
            @SuppressWarnings("rawtypes")
            Map<String, HistoryQuery> queries = context.getBeansOfType(HistoryQuery.class);
            return queries.values().stream()
                    .filter(query -> AopUtils.getTargetClass(query).getPackageName().equals(featurePackage))
                    .findFirst()
                    .map(query -> new Tab(keyOf(provider), target, query, ResolvableType
                            .forClass(AopUtils.getTargetClass(query)).as(HistoryQuery.class).resolveGeneric(1)));
        });
    }

    static String keyOf(HistoryTabProvider provider) {
        return provider.id().startsWith("tab-") ? provider.id().substring(4) : provider.id();
    }

    private static String singular(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        if (k.endsWith("ies")) {
            return k.substring(0, k.length() - 3) + "y";
        }
        return k.endsWith("s") ? k.substring(0, k.length() - 1) : k;
    }
}
