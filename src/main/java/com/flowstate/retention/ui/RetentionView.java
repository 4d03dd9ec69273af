package com.flowstate.retention.ui;

import java.text.NumberFormat;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

import com.flowstate.retention.ExpiredRows;
import com.flowstate.retention.PurgeRunningException;
import com.flowstate.retention.PurgedRows;
import com.flowstate.retention.RetentionDaysException;
import com.flowstate.retention.RetentionService;
import com.flowstate.retention.RetentionSetting;
import com.flowstate.retention.RetentionTab;
import com.flowstate.ui.Notifications;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.IntegerRangeValidator;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * Retention for admins (issue 11): how many days each history tab and the audit trail keep their rows, checked at
 * each field; a dry run that counts what a purge would delete now, and the purge itself, run in the background so the
 * page stays usable.
 */
@Route("admin/retention")
@RolesAllowed("ADMIN")
public class RetentionView extends VerticalLayout implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(RetentionView.class);

    private final RetentionService retention;
    private final Binder<Map<RetentionTab, Integer>> binder = new Binder<>();
    private final Map<RetentionTab, IntegerField> fields = new EnumMap<>(RetentionTab.class);
    private final Grid<ExpiredRows> expired = new Grid<>();
    private final Div purgeResult = new Div();
    private Button purge;

    public RetentionView(RetentionService retention) {
        this.retention = retention;
        setId("retention-view");
        setMaxWidth("60rem");
        add(new Paragraph(getTranslation("retention.hint")), createForm(), createPurge());
        load();
    }

    private VerticalLayout createForm() {
        FormLayout form = new FormLayout();
        form.setId("retention-form");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2),
                new FormLayout.ResponsiveStep("52rem", 4));
        for (RetentionTab tab : RetentionTab.values()) {
            IntegerField field = new IntegerField(getTranslation("retention.tab." + tab.key()));
            field.setId("retention-days-" + tab.key());
            field.setSuffixComponent(new Div(getTranslation("retention.days")));
            field.setHelperText(getTranslation("retention.range", tab.minDays(), tab.maxDays()));
            field.setStepButtonsVisible(false);
            binder.forField(field)
                    .asRequired(getTranslation("retention.required"))
                    .withValidator(new IntegerRangeValidator(
                            getTranslation("retention.outOfRange", tab.minDays(), tab.maxDays()), tab.minDays(),
                            tab.maxDays()))
                    .bind(days -> days.get(tab), (days, value) -> days.put(tab, value));
            fields.put(tab, field);
            form.add(field);
        }
        Button save = new Button(getTranslation("retention.save"), VaadinIcon.CHECK.create(), click -> save());
        save.setId("retention-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout section = new VerticalLayout(new H3(getTranslation("retention.settings")), form, save);
        section.setPadding(false);
        return section;
    }

    private VerticalLayout createPurge() {
        Button dryRun = new Button(getTranslation("retention.dryRun"), VaadinIcon.SEARCH.create(), click -> dryRun());
        dryRun.setId("retention-dry-run");
        purge = new Button(getTranslation("retention.purge"), VaadinIcon.TRASH.create(), click -> confirmPurge());
        purge.setId("retention-purge");
        purge.addThemeVariants(ButtonVariant.LUMO_ERROR);
        // A purge only after its dry run: the admin sees what it will delete first.
        purge.setEnabled(false);
        expired.setId("retention-expired");
        expired.addThemeVariants(GridVariant.LUMO_COMPACT);
        expired.setAllRowsVisible(true);
        expired.setVisible(false);
        expired.addColumn(rows -> getTranslation("retention.tab." + rows.tab()))
                .setHeader(getTranslation("retention.column.tab")).setFlexGrow(2);
        expired.addColumn(rows -> getTranslation("retention.daysValue", rows.days()))
                .setHeader(getTranslation("retention.column.days"));
        expired.addColumn(this::count).setKey("count").setHeader(getTranslation("retention.column.expired"));
        purgeResult.setId("retention-purge-result");
        VerticalLayout section = new VerticalLayout(new H3(getTranslation("retention.purgeTitle")),
                new Paragraph(getTranslation("retention.purgeHint")), new HorizontalLayout(dryRun, purge), expired,
                purgeResult);
        section.setPadding(false);
        return section;
    }

    private void load() {
        Map<RetentionTab, Integer> days = new EnumMap<>(RetentionTab.class);
        for (RetentionSetting setting : retention.settings()) {
            days.put(RetentionTab.of(setting.tab()), setting.days());
        }
        binder.readBean(days);
    }

    private void save() {
        Map<RetentionTab, Integer> days = new EnumMap<>(RetentionTab.class);
        if (!binder.writeBeanIfValid(days)) {
            return;
        }
        try {
            retention.update(days);
            Notifications.success(getTranslation("retention.saved"));
            purge.setEnabled(false);
            expired.setVisible(false);
        } catch (RetentionDaysException refused) {
            IntegerField field = fields.get(refused.tab());
            field.setErrorMessage(getTranslation("retention.outOfRange", refused.tab().minDays(),
                    refused.tab().maxDays()));
            field.setInvalid(true);
        }
    }

    private void dryRun() {
        List<ExpiredRows> rows = retention.expired();
        expired.setItems(rows);
        expired.setVisible(true);
        purgeResult.setText("");
        purge.setEnabled(rows.stream().anyMatch(row -> row.count() > 0));
    }

    private void confirmPurge() {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("retention-purge-confirm");
        confirm.setHeader(getTranslation("retention.confirm.title"));
        confirm.setText(getTranslation("retention.confirm.text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("retention.confirm.cancel"));
        confirm.setConfirmText(getTranslation("retention.confirm.ok"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> startPurge());
        confirm.open();
    }

    /** Runs the purge off the request thread (it may take minutes); the page hears the outcome through push. */
    private void startPurge() {
        UI ui = UI.getCurrent();
        purge.setEnabled(false);
        purgeResult.setText(getTranslation("retention.purging"));
        Thread worker = new Thread(new DelegatingSecurityContextRunnable(() -> {
            try {
                List<PurgedRows> purged = retention.purgeNow();
                long total = purged.stream().mapToLong(PurgedRows::deleted).sum();
                ui.access(() -> {
                    purgeResult.setText(getTranslation("retention.purged", number(total)));
                    expired.setVisible(false);
                });
            } catch (PurgeRunningException running) {
                ui.access(() -> purgeResult.setText(getTranslation("retention.running")));
            } catch (RuntimeException failed) {
                log.error("Retention purge started from the UI failed", failed);
                ui.access(() -> purgeResult.setText(getTranslation("retention.failed")));
            }
        }), "retention-purge-now");
        worker.setDaemon(true);
        worker.start();
    }

    private String count(ExpiredRows rows) {
        return number(rows.count()) + (rows.capped() ? "+" : "");
    }

    private String number(long value) {
        return NumberFormat.getIntegerInstance(getLocale()).format(value);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("retention.title");
    }
}
