package com.flowstate.demo.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * One received message: its HTML as received, its text part and its headers. The HTML is untrusted (it came from a
 * template a user wrote, filled with customer data), so it is shown in an iframe with {@code sandbox=""} — no
 * scripts, no forms, no same-origin access — through {@code srcdoc}, which also keeps the page's Content-Security-Policy
 * (no remote images, no tracking pixels).
 */
class MailboxMessageDialog extends Dialog {

    MailboxMessageDialog(MailboxMessage message) {
        MailboxMessageContent content = MailboxMessageContent.of(message.source());
        setId("mailbox-message");
        setHeaderTitle(message.subject() == null ? "" : message.subject());
        setWidth("min(60rem, 96vw)");
        setHeight("min(44rem, 90vh)");
        setResizable(true);
        TabSheet parts = new TabSheet();
        parts.setSizeFull();
        parts.add(getTranslation("mailbox.message.html"), createHtml(content));
        parts.add(getTranslation("mailbox.message.text"), createText(content));
        parts.add(getTranslation("mailbox.message.headers"), createHeaders(content));
        add(parts);
        Button close = new Button(getTranslation("mailbox.message.close"), click -> close());
        close.setId("mailbox-message-close");
        getFooter().add(close);
    }

    private Component createHtml(MailboxMessageContent content) {
        if (content.html() == null) {
            return missing("mailbox.message.noHtml");
        }
        IFrame frame = new IFrame();
        frame.setId("mailbox-message-html");
        frame.getElement().setAttribute("sandbox", "");
        frame.getElement().setAttribute("srcdoc", content.html());
        frame.getElement().setAttribute("referrerpolicy", "no-referrer");
        frame.getElement().setAttribute("title", getTranslation("mailbox.message.html"));
        frame.setWidthFull();
        frame.setHeight("min(28rem, 58vh)");
        frame.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("background", "white");
        return frame;
    }

    private Component createText(MailboxMessageContent content) {
        if (content.text() == null) {
            return missing("mailbox.message.noText");
        }
        Pre text = new Pre(content.text());
        text.setId("mailbox-message-text");
        text.addClassNames(LumoUtility.Whitespace.PRE_WRAP, LumoUtility.FontSize.SMALL);
        return text;
    }

    private Component createHeaders(MailboxMessageContent content) {
        Div headers = new Div();
        headers.setId("mailbox-message-headers");
        headers.addClassNames(LumoUtility.FontSize.SMALL);
        content.headers().forEach(header -> {
            Span name = new Span(header.getName() + ": ");
            name.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
            Div line = new Div(name, new Span(header.getValue()));
            line.getStyle().set("overflow-wrap", "anywhere");
            headers.add(line);
        });
        return headers;
    }

    private Component missing(String key) {
        Span text = new Span(getTranslation(key));
        text.addClassNames(LumoUtility.TextColor.SECONDARY);
        return text;
    }
}
