package com.flowstate.live;

import java.util.HashSet;
import java.util.Set;

import com.flowstate.security.CurrentUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.VaadinService;

/**
 * "3 new rows ↑" above a history tab: counts the rows of the tab's action that were added since the tab last read
 * the history, without moving what the user is reading; a click reads the history again from the top. Hidden while
 * there is nothing new.
 */
public class NewRowsChip extends Button {

    private final Set<Long> newRows = new HashSet<>();

    /**
     * @param idPrefix the tab's element-id prefix ({@code email-history} → {@code email-history-new-rows})
     * @param action   the tab's key in the history URL ({@code email}, {@code activity}…)
     * @param showNew  reads the history again from the first page
     */
    public NewRowsChip(String idPrefix, String action, Runnable showNew) {
        setId(idPrefix + "-new-rows");
        setIcon(VaadinIcon.ARROW_UP.create());
        addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        getStyle().set("border-radius", "var(--lumo-border-radius-l)").set("align-self", "center");
        setVisible(false);
        addClickListener(click -> {
            clear();
            showNew.run();
        });
        VaadinService.getCurrent().getInstantiator().getOrCreate(LiveUpdates.class).subscribe(this,
                CurrentUser.scope(), change -> change.inserted() && change.action().equals(action), changes -> {
                    changes.forEach(change -> newRows.add(change.rowId()));
                    show();
                });
    }

    /** Forgets the new rows: the tab has read the history again. */
    public void clear() {
        newRows.clear();
        setVisible(false);
    }

    private void show() {
        setText(newRows.size() == 1 ? getTranslation("live.newRows.one")
                : getTranslation("live.newRows.many", newRows.size()));
        setVisible(true);
    }
}
