package com.flowstate.inbox;

import java.util.Set;

import com.flowstate.live.HistoryChange;
import com.flowstate.live.LiveUpdates;
import com.flowstate.security.CurrentUser;
import com.flowstate.security.FlowstateUser;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.VaadinService;

/**
 * The count of what waits in the user's inbox, beside its menu entry; it counts again whenever an assignment or an
 * activity the user may see changes, on any node, so it stays right without a reload. Hidden at zero.
 */
public class InboxBadge extends Span {

    /** The feed's keys of what an inbox holds: offers (assignment rows) and activities. */
    static final Set<String> INBOX_CHANGES = Set.of("assignment", "activity-task");

    private final InboxService inbox;
    private final FlowstateUser user;

    public InboxBadge() {
        this.inbox = VaadinService.getCurrent().getInstantiator().getOrCreate(InboxService.class);
        this.user = CurrentUser.require();
        setId("nav-inbox-badge");
        getElement().getThemeList().addAll(java.util.List.of("badge", "pill", "small", "primary"));
        count();
        VaadinService.getCurrent().getInstantiator().getOrCreate(LiveUpdates.class).subscribe(this, user.scope(),
                InboxBadge::concernsAnInbox, changes -> count());
    }

    static boolean concernsAnInbox(HistoryChange change) {
        return INBOX_CHANGES.contains(change.action());
    }

    private void count() {
        InboxService.InboxCount count = inbox.count(user);
        setText(count.total() + (count.capped() ? "+" : ""));
        getElement().setAttribute("title", getTranslation("inbox.badge", count.offers(), count.activities()));
        setVisible(count.total() > 0);
    }
}
