package com.flowstate.inbox;

import org.springframework.stereotype.Component;

import com.flowstate.ui.MenuBadge;

/** Puts the inbox's count beside the shell's "To do" entry. */
@Component
class InboxMenuBadge implements MenuBadge {

    @Override
    public String path() {
        return "inbox";
    }

    @Override
    public com.vaadin.flow.component.Component create() {
        return new InboxBadge();
    }
}
