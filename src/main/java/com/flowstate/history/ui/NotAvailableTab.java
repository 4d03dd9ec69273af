package com.flowstate.history.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** A history tab whose action type is not built yet: says which action will fill it. */
class NotAvailableTab extends Div {

    NotAvailableTab(String actionName) {
        addClassNames("not-available", LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN,
                LumoUtility.AlignItems.CENTER, LumoUtility.Gap.SMALL, LumoUtility.Padding.XLARGE,
                LumoUtility.TextColor.SECONDARY);
        Icon icon = VaadinIcon.HOURGLASS.create();
        icon.addClassName(LumoUtility.IconSize.LARGE);
        Paragraph text = new Paragraph(getTranslation("history.notAvailable", actionName));
        text.addClassNames(LumoUtility.Margin.NONE, LumoUtility.TextAlignment.CENTER);
        add(icon, text);
    }
}
