package com.flowstate.admin.audit.ui;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.flowstate.ui.AdminSection;
import com.vaadin.flow.component.icon.VaadinIcon;

/** The audit trail's entry in the drawer's Administration group (admins only). */
@Configuration(proxyBeanMethods = false)
class AuditAdminSection {

    @Bean
    AdminSection auditSection() {
        return new AdminSection("nav-admin-audit", "audit.nav", "admin/audit", VaadinIcon.RECORDS, 80);
    }
}
