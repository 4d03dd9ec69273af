package com.flowstate.action.assignment.ui;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.flowstate.ui.AdminSection;
import com.vaadin.flow.component.icon.VaadinIcon;

/** Lists the assignment rules view in the drawer's Administration group. */
@Configuration(proxyBeanMethods = false)
class AssignmentRulesAdminSection {

    @Bean
    AdminSection assignmentRulesSection() {
        return new AdminSection("nav-admin-assignment-rules", "rules.nav", "admin/assignment-rules",
                VaadinIcon.CONNECT, 50);
    }
}
