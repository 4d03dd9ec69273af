package com.flowstate.ui.smtp;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.flowstate.ui.AdminSection;
import com.vaadin.flow.component.icon.VaadinIcon;

/** The SMTP accounts entry of the drawer's Administration group. */
@Configuration(proxyBeanMethods = false)
class SmtpAccountsSection {

    @Bean
    AdminSection smtpAccountsAdminSection() {
        return new AdminSection("nav-admin-smtp-accounts", "admin.smtp.nav", SmtpAccountsView.PATH,
                VaadinIcon.ENVELOPE_O, 30);
    }
}
