package com.flowstate.live;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import com.flowstate.security.PartnerScope;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.shared.Registration;

/**
 * Subscribes a Vaadin component to the history change feed: while the component is attached, each batch of changes
 * it asks for — and that its user's partner scope may see — reaches it inside {@link UI#access}, so it may update
 * itself and server push sends the result. A detached component is unsubscribed at once and holds no reference from
 * the feed afterwards; a partner is never told about a change of another company's opportunity, not even its count.
 */
@Component
public class LiveUpdates {

    private final JdbcClient jdbc;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    LiveUpdates(HistoryChangeFeed feed, JdbcClient jdbc) {
        this.jdbc = jdbc;
        feed.addListener(this::dispatch);
    }

    /**
     * @param owner     the component whose attachment the subscription follows (and whose UI it updates)
     * @param scope     the scope of the user looking at it ({@code CurrentUser.scope()} when the view is built)
     * @param which     the changes the component wants
     * @param onChanges called in the UI's lock with the wanted, visible changes of one batch (never empty)
     * @return removes the subscription for good
     */
    public Registration subscribe(com.vaadin.flow.component.Component owner, PartnerScope scope,
                                  Predicate<HistoryChange> which, SerializableConsumer<List<HistoryChange>> onChanges) {
        // The feed's thread has no signed-in user: the callback runs as the one who opened the screen, so the
        // services it calls check their permissions and scope as they do for the screen itself.
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        Registration[] active = new Registration[1];
        Runnable attach = () -> {
            if (active[0] == null) {
                active[0] = register(new Subscription(owner.getUI().orElseThrow(), scope, which, onChanges,
                        signedIn));
            }
        };
        Runnable detach = () -> {
            if (active[0] != null) {
                active[0].remove();
                active[0] = null;
            }
        };
        if (owner.isAttached()) {
            attach.run();
        }
        Registration onAttach = owner.addAttachListener(event -> attach.run());
        Registration onDetach = owner.addDetachListener(event -> detach.run());
        return () -> {
            onAttach.remove();
            onDetach.remove();
            detach.run();
        };
    }

    /** How many components are subscribed on this node (a test checks that detaching frees them). */
    int subscriptionCount() {
        return subscriptions.size();
    }

    private Registration register(Subscription subscription) {
        subscriptions.add(subscription);
        return () -> subscriptions.remove(subscription);
    }

    private void dispatch(List<HistoryChange> batch) {
        // One look-up per partner company and batch, however many of its users have a screen open.
        Map<Long, Set<Long>> visibleByCompany = new HashMap<>();
        for (Subscription subscription : subscriptions) {
            List<HistoryChange> wanted = batch.stream().filter(subscription.which()).toList();
            if (subscription.scope().isRestricted() && !wanted.isEmpty()) {
                long company = subscription.scope().companyId().getAsLong();
                Set<Long> visible = visibleByCompany.computeIfAbsent(company, id -> visibleOpportunities(id, batch));
                wanted = wanted.stream().filter(change -> visible.contains(change.opportunityId())).toList();
            }
            if (!wanted.isEmpty()) {
                deliver(subscription, wanted);
            }
        }
    }

    private void deliver(Subscription subscription, List<HistoryChange> changes) {
        try {
            subscription.ui().access(() -> asSignedIn(subscription.signedIn(),
                    () -> subscription.onChanges().accept(changes)));
        } catch (UIDetachedException gone) {
            subscriptions.remove(subscription);
        }
    }

    /** Which of the batch's opportunities the company works on, as the history queries' scope says. */
    private Set<Long> visibleOpportunities(long company, List<HistoryChange> batch) {
        Long[] ids = batch.stream().map(HistoryChange::opportunityId).filter(id -> id != null).distinct()
                .toArray(Long[]::new);
        if (ids.length == 0) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        select id from opportunity
                         where id = any(?) and (installer_id = ? or seller_id = ?)""")
                .params(ids, company, company).query(Long.class).list());
    }

    private static void asSignedIn(Authentication signedIn, Runnable work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn);
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private record Subscription(UI ui, PartnerScope scope, Predicate<HistoryChange> which,
                                SerializableConsumer<List<HistoryChange>> onChanges, Authentication signedIn) {
    }
}
