package com.flowstate.action.export.ui;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.flowstate.ui.AdminSection;
import com.vaadin.flow.component.icon.VaadinIcon;

/** The drawer's Administration entry of {@link ExportTemplatesView}. */
@Configuration(proxyBeanMethods = false)
class ExportTemplatesSection {

    @Bean
    AdminSection exportTemplatesAdminSection() {
        return new AdminSection("nav-admin-export-templates", "admin.exportTemplates.title",
                "admin/export-templates", VaadinIcon.TABLE, 41);
    }
}
