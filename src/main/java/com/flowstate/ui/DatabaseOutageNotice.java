package com.flowstate.ui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.flowstate.database.DatabaseOutage;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * A click that needs the database while it is down shows "database not reachable, try again" (one WARN line in the
 * log) instead of Vaadin's error; every other error is handled as before. A view that cannot even be built is
 * {@link ServerErrorView}'s.
 */
@Component
class DatabaseOutageNotice implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageNotice.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(new Handler()));
    }

    private static final class Handler implements ErrorHandler {

        private final ErrorHandler otherwise = new DefaultErrorHandler();

        @Override
        public void error(ErrorEvent event) {
            UI ui = UI.getCurrent();
            if (ui == null || !DatabaseOutage.isCause(event.getThrowable())) {
                otherwise.error(event);
                return;
            }
            log.warn("Database unavailable in the UI: {}", DatabaseOutage.describe(event.getThrowable()));
            Notifications.error(ui.getTranslation("error.databaseUnavailable"));
        }
    }
}
