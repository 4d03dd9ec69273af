package com.flowstate.action.report.ui;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.flowstate.ui.AdminSection;
import com.vaadin.flow.component.icon.VaadinIcon;

/** The drawer's Administration entry of {@link ReportTemplatesView}. */
@Configuration(proxyBeanMethods = false)
class ReportTemplatesSection {

    @Bean
    AdminSection reportTemplatesAdminSection() {
        return new AdminSection("nav-admin-report-templates", "admin.reportTemplates.title",
                "admin/report-templates", VaadinIcon.FILE_TEXT_O, 40);
    }
}
