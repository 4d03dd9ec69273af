package com.flowstate.retention.ui;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.flowstate.ui.AdminSection;
import com.vaadin.flow.component.icon.VaadinIcon;

/** Retention's entry in the drawer's Administration group (admins only). */
@Configuration(proxyBeanMethods = false)
class RetentionAdminSection {

    @Bean
    AdminSection retentionSection() {
        return new AdminSection("nav-admin-retention", "retention.nav", "admin/retention", VaadinIcon.ARCHIVE, 70);
    }
}
