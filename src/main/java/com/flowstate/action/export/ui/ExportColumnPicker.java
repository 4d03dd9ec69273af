package com.flowstate.action.export.ui;

import java.util.ArrayList;
import java.util.List;

import com.flowstate.action.export.ExportTypeColumns;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * Picks and orders an export type's columns: one row per column with a check box and up/down buttons. Nothing
 * ticked means every column in the type's own order, as the template stores it (an empty list).
 */
class ExportColumnPicker extends Composite<VerticalLayout> {

    private final List<Row> rows = new ArrayList<>();
    private final Span error = new Span();
    private final String upLabel;
    private final String downLabel;

    ExportColumnPicker(String upLabel, String downLabel) {
        this.upLabel = upLabel;
        this.downLabel = downLabel;
        getContent().setPadding(false);
        getContent().setSpacing(false);
        error.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontSize.SMALL);
        error.setId("export-template-columns-error");
        error.setVisible(false);
    }

    /** Shows the type's columns, ticking and ordering the chosen ones first. */
    void show(ExportTypeColumns type, List<String> chosen) {
        rows.clear();
        for (String key : chosen) {
            type.columns().stream().filter(c -> c.key().equals(key)).findFirst()
                    .ifPresent(column -> rows.add(new Row(column, true)));
        }
        type.columns().stream().filter(column -> !chosen.contains(column.key()))
                .forEach(column -> rows.add(new Row(column, false)));
        render();
    }

    /** The ticked keys in their order; empty = every column. */
    List<String> value() {
        return rows.stream().filter(row -> row.box.getValue()).map(row -> row.column.key()).toList();
    }

    void setError(String message) {
        error.setText(message == null ? "" : message);
        error.setVisible(message != null);
    }

    private void render() {
        getContent().removeAll();
        for (int i = 0; i < rows.size(); i++) {
            getContent().add(rows.get(i).layout(i));
        }
        getContent().add(error);
    }

    private void move(int from, int to) {
        if (to < 0 || to >= rows.size()) {
            return;
        }
        rows.add(to, rows.remove(from));
        render();
    }

    private final class Row {
        final ExportTypeColumns.Column column;
        final Checkbox box;

        Row(ExportTypeColumns.Column column, boolean ticked) {
            this.column = column;
            this.box = new Checkbox(column.header() + " (" + column.key() + ")", ticked);
            this.box.setId("export-template-column-" + column.key());
        }

        HorizontalLayout layout(int index) {
            Button up = small(VaadinIcon.ARROW_UP, () -> move(index, index - 1));
            up.setId("export-template-column-up-" + column.key());
            up.setEnabled(index > 0);
            Button down = small(VaadinIcon.ARROW_DOWN, () -> move(index, index + 1));
            down.setId("export-template-column-down-" + column.key());
            down.setEnabled(index < rows.size() - 1);
            HorizontalLayout row = new HorizontalLayout(up, down, box);
            row.setAlignItems(FlexComponent.Alignment.CENTER);
            row.setSpacing(false);
            return row;
        }

        private Button small(VaadinIcon icon, Runnable action) {
            Button button = new Button(icon.create(), event -> action.run());
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            button.setAriaLabel(icon == VaadinIcon.ARROW_UP ? upLabel : downLabel);
            return button;
        }
    }
}
