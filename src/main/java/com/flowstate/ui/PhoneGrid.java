package com.flowstate.ui;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.shared.Registration;

/**
 * Turns a grid into cards on a phone: below {@link #PHONE_WIDTH} pixels of window it shows only its card column (and
 * the columns kept for the phone, such as a row's action button) instead of columns a phone would have to scroll
 * sideways to read. Follows the window as it is resized, and marks the grid with the {@code phone} class for CSS.
 * <p>
 * Usage: {@code PhoneGrid.of(grid, cardColumn).keep(actionsColumn);} where the card column was added to the grid
 * (hidden until the window is narrow).
 */
public final class PhoneGrid {

    /** The window width under which a screen is a phone's: the history tabs' breakpoint too. */
    public static final int PHONE_WIDTH = 600;

    private final Grid<?> grid;
    private final Grid.Column<?> card;
    private final Set<Grid.Column<?>> kept = new HashSet<>();
    private boolean phone;

    private PhoneGrid(Grid<?> grid, Grid.Column<?> card) {
        this.grid = grid;
        this.card = card;
        card.setVisible(false);
        grid.addAttachListener(attach -> {
            var page = attach.getUI().getPage();
            page.retrieveExtendedClientDetails(details -> show(details.getWindowInnerWidth() < PHONE_WIDTH));
            Registration resize = page.addBrowserWindowResizeListener(event -> show(event.getWidth() < PHONE_WIDTH));
            grid.addDetachListener(detach -> {
                resize.remove();
                detach.unregisterListener();
            });
        });
    }

    /** Makes {@code grid} show only {@code card} (and {@link #keep kept} columns) on a phone. */
    public static PhoneGrid of(Grid<?> grid, Grid.Column<?> card) {
        return new PhoneGrid(grid, card);
    }

    /** Columns shown on a phone too, beside the card. */
    public PhoneGrid keep(Grid.Column<?>... columns) {
        kept.addAll(List.of(columns));
        return this;
    }

    private void show(boolean narrow) {
        phone = narrow;
        grid.getElement().getClassList().set("phone", narrow);
        for (Grid.Column<?> column : grid.getColumns()) {
            column.setVisible(column == card ? narrow : !narrow || kept.contains(column));
        }
    }

    /** Whether the grid shows its phone layout now. */
    public boolean phone() {
        return phone;
    }

    /** A card's two lines as a component: the title and, under it, smaller, the details. */
    public static Component card(String title, String details) {
        Div card = new Div();
        card.addClassName("phone-card");
        Span top = new Span(title);
        top.addClassName("phone-card-title");
        Span bottom = new Span(details);
        bottom.addClassName("phone-card-details");
        card.add(top, bottom);
        return card;
    }
}
