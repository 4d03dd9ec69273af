package com.flowstate.action.email.ui;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.flowstate.ui.AdminSection;
import com.vaadin.flow.component.icon.VaadinIcon;

/** Puts the e-mail templates view in the drawer's Administration group. */
@Configuration(proxyBeanMethods = false)
class EmailTemplatesAdminSection {

    @Bean
    AdminSection emailTemplatesSection() {
        return new AdminSection("nav-admin-email-templates", "admin.emailTemplates.nav", "admin/email-templates",
                VaadinIcon.ENVELOPE_OPEN, 30);
    }
}
