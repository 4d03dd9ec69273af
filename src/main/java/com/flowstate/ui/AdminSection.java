package com.flowstate.ui;

import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * One entry of the Administration group in the drawer, which only admins see (issue 11). A feature that has an admin
 * view declares one as a Spring bean, so the shell lists it without depending on the feature's ui package.
 *
 * @param id       the drawer item's element id ({@code nav-admin-…}), for tests
 * @param labelKey translation key of its label
 * @param path     the view's route
 * @param icon     shown before the label
 * @param position order in the group, smallest first
 */
public record AdminSection(String id, String labelKey, String path, VaadinIcon icon, int position) {
}
