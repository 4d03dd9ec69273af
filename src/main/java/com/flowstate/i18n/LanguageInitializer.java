package com.flowstate.i18n;

import org.springframework.stereotype.Component;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * Gives every new UI the user's language before its first view is built. Without it Vaadin would follow the
 * browser's language, and a browser in neither Italian, English nor Spanish would get whichever bundle the
 * classpath listed first.
 */
@Component
class LanguageInitializer implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI()
                .setLocale(Languages.preferred(init.getUI().getSession(), VaadinRequest.getCurrent())));
    }
}
