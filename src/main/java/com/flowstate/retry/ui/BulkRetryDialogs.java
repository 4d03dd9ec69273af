package com.flowstate.retry.ui;

import java.util.function.Supplier;

import com.flowstate.retry.RetryBatchProgress;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.shared.Registration;

/** The two dialogs of a bulk retry: "Retry N rows?" first, then a progress bar until every row's retry ended. */
final class BulkRetryDialogs {

    /** How often the progress is read while the dialog is open. */
    private static final int POLL_MILLIS = 500;

    private BulkRetryDialogs() {
    }

    /**
     * Asks before retrying; the button that opened it stays disabled until the dialog closes, so a double click
     * cannot ask twice.
     */
    static void confirm(Component owner, String question, Button opener, Runnable retry) {
        opener.setEnabled(false);
        Dialog dialog = new Dialog();
        dialog.setId("retry-confirm-dialog");
        dialog.setHeaderTitle(owner.getTranslation("retry.confirm.title"));
        Paragraph text = new Paragraph(question);
        text.setId("retry-confirm-question");
        dialog.add(text);
        Button ok = new Button(owner.getTranslation("retry.confirm.ok"));
        ok.setId("retry-confirm-ok");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ok.setDisableOnClick(true);
        ok.addClickListener(click -> {
            dialog.close();
            retry.run();
        });
        Button cancel = new Button(owner.getTranslation("retry.confirm.cancel"), click -> dialog.close());
        cancel.setId("retry-confirm-cancel");
        dialog.getFooter().add(cancel, ok);
        dialog.addOpenedChangeListener(event -> {
            if (!event.isOpened()) {
                opener.setEnabled(true);
            }
        });
        dialog.open();
    }

    /** Shows the batch's progress, read every half second, until it finished; then refreshes the tab. */
    static void progress(Component owner, RetryBatchProgress started, Supplier<RetryBatchProgress> read,
                         Runnable whenDone) {
        Dialog dialog = new Dialog();
        dialog.setId("retry-progress-dialog");
        dialog.setHeaderTitle(owner.getTranslation("retry.progress.title"));
        dialog.setWidth("min(28rem, 95vw)");
        // Not modal: a modal dialog makes the page inert, and the server then ignores the UI's poll events, so the
        // progress would never move. The user may go on reading the tab meanwhile.
        dialog.setModal(false);
        dialog.setDraggable(true);
        ProgressBar bar = new ProgressBar(0, Math.max(1, started.total()), started.done());
        bar.setId("retry-progress-bar");
        Paragraph text = new Paragraph();
        text.setId("retry-progress-text");
        Button close = new Button(owner.getTranslation("retry.progress.close"), click -> dialog.close());
        close.setId("retry-progress-close");
        dialog.add(bar, text);
        dialog.getFooter().add(close);
        show(owner, started, bar, text);

        UI ui = UI.getCurrent();
        int previousPoll = ui.getPollInterval();
        Registration[] polling = new Registration[1];
        polling[0] = ui.addPollListener(poll -> {
            RetryBatchProgress now = read.get();
            show(owner, now, bar, text);
            if (now.finished()) {
                stop(ui, polling[0], previousPoll);
                whenDone.run();
            }
        });
        dialog.addOpenedChangeListener(event -> {
            if (!event.isOpened()) {
                stop(ui, polling[0], previousPoll);
                whenDone.run();
            }
        });
        ui.setPollInterval(POLL_MILLIS);
        dialog.open();
        if (started.finished()) {
            stop(ui, polling[0], previousPoll);
        }
    }

    private static void show(Component owner, RetryBatchProgress progress, ProgressBar bar, Paragraph text) {
        bar.setValue(progress.done());
        text.setText(owner.getTranslation("retry.progress.text", progress.done(), progress.total(),
                progress.succeeded(), progress.failed()));
    }

    private static void stop(UI ui, Registration polling, int previousPoll) {
        if (polling != null) {
            polling.remove();
        }
        ui.setPollInterval(previousPoll);
    }
}
