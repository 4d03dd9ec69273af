package com.flowstate.directory.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.shared.Registration;

/** A grid that shows one card column on a phone and its other columns on a wider screen. */
final class PhoneColumns {

    static final int PHONE_WIDTH = 600;

    private PhoneColumns() {
    }

    static <T> Registration follow(UI ui, Grid<T> grid, Grid.Column<T> card) {
        ui.getPage().retrieveExtendedClientDetails(details -> apply(grid, card,
                details.getWindowInnerWidth() < PHONE_WIDTH));
        return ui.getPage().addBrowserWindowResizeListener(resize -> apply(grid, card,
                resize.getWidth() < PHONE_WIDTH));
    }

    private static <T> void apply(Grid<T> grid, Grid.Column<T> card, boolean phone) {
        grid.getColumns().forEach(column -> column.setVisible(column == card ? phone : !phone));
    }
}
