package com.flowstate.opportunity.ui;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.flowstate.ui.AdminSection;
import com.vaadin.flow.component.icon.VaadinIcon;

/** Lists the opportunity types view in the drawer's Administration group. */
@Configuration(proxyBeanMethods = false)
class OpportunityTypesAdminSection {

    @Bean
    AdminSection opportunityTypesSection() {
        return new AdminSection("nav-admin-opportunity-types", "types.nav", "admin/opportunity-types",
                VaadinIcon.TAGS, 60);
    }
}
