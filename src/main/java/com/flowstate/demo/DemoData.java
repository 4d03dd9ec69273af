package com.flowstate.demo;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.flowstate.action.email.EmailTemplateService;
import com.flowstate.action.export.ExportExtension;
import com.flowstate.action.export.ExportTemplate;
import com.flowstate.action.export.ExportTemplateService;
import com.flowstate.action.export.ExportType;
import com.flowstate.mail.MailSink;
import com.flowstate.mail.SmtpCredentialService;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.opportunity.OpportunityService;
import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyKind;
import com.flowstate.partner.CompanyService;
import com.flowstate.partner.PartnerZoneService;
import com.flowstate.security.Role;
import com.flowstate.security.SystemAuthentication;
import com.flowstate.security.UserService;

/**
 * The demo: a platform company with two installers and two sellers, a user per role (password = username), an
 * SMTP account that works (the local sink) and one that does not, the flow's templates, and opportunities pushed
 * through the flow so the action history shows both sent and failed e-mails. Only in the demo profile.
 */
@Component
@Profile("demo")
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String PLATFORM = "Solare Italia S.p.A.";
    /** Nothing listens on port 9 (discard) here: the "Legacy relay" account always fails to connect. */
    private static final int DEAD_PORT = 9;

    private final CompanyService companies;
    private final PartnerZoneService zones;
    private final UserService users;
    private final SmtpCredentialService credentials;
    private final EmailTemplateService templates;
    private final ExportTemplateService exports;
    private final OpportunityService opportunities;
    private final ObjectProvider<MailSink> sink;
    private final DemoFlowDriver driver;
    private final DemoProperties properties;
    private final TransactionTemplate transaction;

    DemoData(CompanyService companies, PartnerZoneService zones, UserService users, SmtpCredentialService credentials,
             EmailTemplateService templates, ExportTemplateService exports, OpportunityService opportunities, ObjectProvider<MailSink> sink, DemoFlowDriver driver,
             DemoProperties properties, PlatformTransactionManager transactions) {
        this.companies = companies;
        this.zones = zones;
        this.users = users;
        this.credentials = credentials;
        this.templates = templates;
        this.exports = exports;
        this.opportunities = opportunities;
        this.sink = sink;
        this.driver = driver;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        // The sink's port may change between runs; keep the working account pointing at it.
        String host = properties.usesExternalSmtp() ? properties.smtpHost() : sink.getObject().host();
        int port = properties.usesExternalSmtp() ? properties.smtpPort() : sink.getObject().port();
        credentials.save("Platform SMTP", host, port, null, null, "crm@solare-italia.example", false);
        credentials.save("Legacy relay", "127.0.0.1", DEAD_PORT, "legacy", "s3cret-legacy",
                "noreply@legacy-relay.example", false);
        if (companies.findByName(PLATFORM).isPresent()) {
            log.info("Demo data already present; the demo users are listed in README.md");
            return;
        }
        // All or nothing: a failed first start leaves no half demo behind.
        List<Opportunity> created = transaction.execute(status -> seed());
        log.info("Demo: {} opportunities opened; pushing them through the flow in the background", created.size());
        driver.push(users.loadUserByUsername("admin"), created);
    }

    private List<Opportunity> seed() {
        Company platform = companies.create(PLATFORM, CompanyKind.PLATFORM, "info@solare-italia.example");
        users.create("admin", "admin", "Amministratore", "admin@solare-italia.example", platform.id(),
                EnumSet.of(Role.ADMIN, Role.INTERNAL));
        users.create("designer", "designer", "Progettista dei flussi", "designer@solare-italia.example",
                platform.id(), EnumSet.of(Role.DESIGNER));
        users.create("internal", "internal", "Giulia Conti", "giulia.conti@solare-italia.example", platform.id(),
                EnumSet.of(Role.INTERNAL));
        // Partners cover provinces; the flow's assignment actions choose among them. No installer works in
        // Reggio Calabria or Caltanissetta, so those opportunities show "no candidate".
        partner("Installatore Nord S.r.l.", CompanyKind.INSTALLER, "installer1", "Paolo Neri", DemoCustomers.NORTH);
        partner("Installatore Sud S.r.l.", CompanyKind.INSTALLER, "installer2", "Carla Esposito", DemoCustomers.SOUTH);
        partner("Venditore Lombardia S.r.l.", CompanyKind.SELLER, "seller1", "Luigi Ferri", DemoCustomers.NORTH);
        partner("Venditore Sicilia S.r.l.", CompanyKind.SELLER, "seller2", "Anna Vitale",
                Stream.concat(DemoCustomers.SOUTH.stream(), Stream.of("RC", "CL")).toList());
        DemoTemplates.all().forEach(t -> templates.save(t.name(), t.subject(), t.html(), t.text()));
        // The flow's exports: won opportunities to the owner (works), offers to accounting through the relay that
        // is down (fails), and a weekly e-mail history for the admin on a schedule.
        exports.save(ExportTemplate.of("opportunita-vinte", ExportType.OPPORTUNITIES, ExportExtension.XLSX,
                "INTERNAL_USER", "Platform SMTP"));
        exports.save(ExportTemplate.of("offerte-contabilita", ExportType.OPPORTUNITIES, ExportExtension.CSV,
                "INTERNAL_USER", "Legacy relay"));
        exports.save(ExportTemplate.of("storico-email-settimanale", ExportType.EMAIL_HISTORY, ExportExtension.CSV,
                "admin@solare-italia.example", "Platform SMTP").withSchedule("0 0 7 ? * MON"));

        return SystemAuthentication.runAs(users.loadUserByUsername("admin"),
                () -> DemoCustomers.take(properties.opportunities()).stream()
                        .map(customer -> opportunities.create(customer.toOpportunity()))
                        .toList());
    }

    private void partner(String name, CompanyKind kind, String username, String staffName, List<String> provinces) {
        Company company = companies.create(name, kind, username + "@partners.example");
        provinces.forEach(province -> zones.addProvince(company.id(), province));
        users.create(username, username, staffName, username + "@partners.example", company.id(),
                Set.of(Role.PARTNER));
    }
}
