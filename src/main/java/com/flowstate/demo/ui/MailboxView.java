package com.flowstate.demo.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.springframework.beans.factory.ObjectProvider;

import com.flowstate.mail.MailSink;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.RolesAllowed;
import jakarta.mail.internet.MimeMessage;

/**
 * What the demo's SMTP sink has received, newest first, so a demo shows the e-mails the flow really sent. The
 * sink exists only in the demo and test profiles; elsewhere the page says so.
 */
@Route("demo/mailbox")
@RolesAllowed("ADMIN")
public class MailboxView extends VerticalLayout implements HasDynamicTitle {

    private static final ZoneId ZONE = ZoneId.of("Europe/Rome");

    private final MailSink mailSink;
    private final DateTimeFormatter dateTimes;

    MailboxView(ObjectProvider<MailSink> mailSink) {
        this.mailSink = mailSink.getIfAvailable();
        this.dateTimes = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.MEDIUM)
                .withLocale(getLocale()).withZone(ZONE);
        setSizeFull();
        if (this.mailSink == null) {
            add(createNotRunning());
        } else {
            Grid<MailboxMessage> grid = createGrid();
            add(createRefresh(grid), grid);
            setFlexGrow(1, grid);
        }
    }

    private Component createNotRunning() {
        Icon icon = VaadinIcon.ENVELOPES.create();
        icon.addClassName(LumoUtility.IconSize.LARGE);
        Paragraph text = new Paragraph(getTranslation("mailbox.notRunning"));
        text.setId("mailbox-not-running");
        text.addClassName(LumoUtility.Margin.NONE);
        Div notRunning = new Div(icon, text);
        notRunning.addClassNames(LumoUtility.Display.FLEX, LumoUtility.AlignItems.CENTER, LumoUtility.Gap.MEDIUM,
                LumoUtility.TextColor.SECONDARY, LumoUtility.Padding.LARGE);
        return notRunning;
    }

    private Button createRefresh(Grid<MailboxMessage> grid) {
        Button refresh = new Button(getTranslation("action.refresh"), VaadinIcon.REFRESH.create(),
                click -> grid.getDataProvider().refreshAll());
        refresh.setId("mailbox-refresh");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return refresh;
    }

    private Grid<MailboxMessage> createGrid() {
        Grid<MailboxMessage> grid = new Grid<>();
        grid.setId("mailbox-grid");
        grid.setWidthFull();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText(getTranslation("mailbox.empty"));
        column(grid, MailboxMessage::subject, "subject", "mailbox.column.subject");
        column(grid, MailboxMessage::from, "from", "mailbox.column.from");
        column(grid, MailboxMessage::to, "to", "mailbox.column.to");
        column(grid, message -> message.sentAt() == null ? "" : dateTimes.format(message.sentAt()), "sentAt",
                "mailbox.column.sentAt");
        column(grid, MailboxMessage::messageId, "messageId", "mailbox.column.messageId");
        grid.addItemClickListener(click -> new MailboxMessageDialog(click.getItem()).open());
        // The sink keeps its messages in memory; the grid still converts only the rows on screen.
        grid.setItems(this::fetch, query -> mailSink.received().size());
        return grid;
    }

    private void column(Grid<MailboxMessage> grid, ValueProvider<MailboxMessage, String> value, String key,
                        String headerKey) {
        grid.addColumn(value).setKey(key).setHeader(getTranslation(headerKey)).setSortable(false)
                .setAutoWidth(true).setResizable(true);
    }

    /** Newest first: the sink lists oldest first. */
    private Stream<MailboxMessage> fetch(Query<MailboxMessage, Void> query) {
        List<MimeMessage> received = mailSink.received();
        int newest = received.size() - 1 - query.getOffset();
        int oldest = Math.max(newest - query.getLimit() + 1, 0);
        return IntStream.iterate(newest, i -> i >= oldest, i -> i - 1).mapToObj(received::get)
                .map(MailboxMessage::of);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mailbox.title");
    }
}
