package com.flowstate;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.shared.ui.Transport;

/**
 * Flowstate: BPMN opportunity flows whose substate changes run automatic actions, with a partner-scoped action
 * history. The class doubles as Vaadin's app shell.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Push(transport = Transport.WEBSOCKET_XHR)
public class FlowstateApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(FlowstateApplication.class, args);
    }

    /** The app's icon on every page, the login page included (static/favicon.svg, and .ico for older clients). */
    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addFavIcon("icon", "favicon.svg", "any");
        settings.addLink("alternate icon", "favicon.ico");
    }
}
