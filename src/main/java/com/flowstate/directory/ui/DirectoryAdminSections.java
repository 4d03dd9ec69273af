package com.flowstate.directory.ui;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.flowstate.ui.AdminSection;
import com.vaadin.flow.component.icon.VaadinIcon;

/** The partners and users entries of the drawer's Administration group. */
@Configuration
class DirectoryAdminSections {

    @Bean
    AdminSection partnersSection() {
        return new AdminSection("nav-admin-partners", "admin.partners.nav", PartnersView.PATH, VaadinIcon.BUILDING,
                10);
    }

    @Bean
    AdminSection usersSection() {
        return new AdminSection("nav-admin-users", "admin.users.nav", UsersView.PATH, VaadinIcon.USERS, 20);
    }
}
