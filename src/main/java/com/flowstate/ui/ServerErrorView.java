package com.flowstate.ui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.flowstate.database.DatabaseOutage;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.InternalServerError;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A page that could not be built because the database is down says so, translated, with status 503 and no stack
 * trace; any other error is Vaadin's usual error page.
 */
@AnonymousAllowed
public class ServerErrorView extends InternalServerError {

    private static final Logger log = LoggerFactory.getLogger(ServerErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        if (!DatabaseOutage.isCause(parameter.getCaughtException())) {
            return super.setErrorParameter(event, parameter);
        }
        log.warn("Database unavailable while opening /{}: {}", event.getLocation().getPath(),
                DatabaseOutage.describe(parameter.getCaughtException()));
        getElement().setText(getTranslation("error.databaseUnavailable"));
        return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
    }
}
