package com.flowstate.support;

import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import com.flowstate.action.email.EmailTemplateService;
import com.flowstate.mail.MailSink;
import com.flowstate.mail.SmtpCredentialService;
import com.flowstate.flow.FlowService;
import com.flowstate.opportunity.NewOpportunity;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.opportunity.OpportunityService;
import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyKind;
import com.flowstate.partner.CompanyService;
import com.flowstate.partner.PartnerZoneService;
import com.flowstate.security.FlowstateUser;
import com.flowstate.security.Role;
import com.flowstate.security.SystemAuthentication;
import com.flowstate.security.UserService;

/**
 * Builds what a test needs through the app's own services, with unique names so tests sharing one database never
 * see each other's data by accident. The SMTP credentials and templates the demo flow names are created once.
 */
@TestComponent
public class TestData {

    public static final String WORKING_SMTP = "Platform SMTP";
    public static final String DEAD_SMTP = "Legacy relay";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final CompanyService companies;
    private final UserService users;
    private final OpportunityService opportunities;
    private final SmtpCredentialService credentials;
    private final EmailTemplateService templates;
    private final MailSink sink;
    private final RuntimeService runtime;
    private final JdbcClient jdbc;
    private final PartnerZoneService zones;
    private final FlowService flow;
    private volatile Company platform;

    TestData(CompanyService companies, UserService users, OpportunityService opportunities,
             SmtpCredentialService credentials, EmailTemplateService templates, MailSink sink,
             RuntimeService runtime, JdbcClient jdbc, PartnerZoneService zones, FlowService flow) {
        this.companies = companies;
        this.users = users;
        this.opportunities = opportunities;
        this.credentials = credentials;
        this.templates = templates;
        this.sink = sink;
        this.runtime = runtime;
        this.jdbc = jdbc;
        this.zones = zones;
        this.flow = flow;
    }

    /** SMTP accounts and the templates the demo flow refers to, rendered with recognisable subjects. */
    public synchronized void flowFixtures() {
        if (platform != null) {
            return;
        }
        platform = companies.findByName("Test platform")
                .orElseGet(() -> companies.create("Test platform", CompanyKind.PLATFORM, "platform@test.example"));
        credentials.save(WORKING_SMTP, sink.host(), sink.port(), null, null, "crm@test.example", false);
        credentials.save(DEAD_SMTP, "127.0.0.1", 9, "legacy", "legacy-password", "noreply@legacy.example", false);
        for (String name : new String[] {"welcome", "follow-up-reminder", "site-survey-request", "site-survey-done",
                "documents-request", "documents-received", "validation-notice", "offer-sent", "contract-to-sign",
                "welcome-aboard"}) {
            templates.save(name, "[" + name + "] {{customer.name}} – {{opportunity.name}}",
                    "<p>{{customer.name}}: {{substate.name}}</p>", "{{customer.name}}: {{substate.name}}");
        }
    }

    public String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100_000;
    }

    public Company partner(CompanyKind kind) {
        String name = unique(kind.name().toLowerCase());
        return companies.create(name, kind, name + "@partners.test");
    }

    /** A partner user of the company; the password equals the username. */
    public String partnerUser(Company company) {
        String username = unique("user");
        users.create(username, username, "User of " + company.name(), username + "@partners.test", company.id(),
                Set.of(Role.PARTNER));
        return username;
    }

    /** An internal user of the platform (password = username). */
    public String internalUser() {
        flowFixtures();
        String username = unique("internal");
        users.create(username, username, "Internal " + username, username + "@platform.test", platform.id(),
                EnumSet.of(Role.INTERNAL));
        return username;
    }

    /** A process designer of the platform (password = username): may deploy through the engine REST API. */
    public String designerUser() {
        flowFixtures();
        String username = unique("designer");
        users.create(username, username, "Designer " + username, username + "@platform.test", platform.id(),
                EnumSet.of(Role.DESIGNER));
        return username;
    }

    public FlowstateUser admin() {
        flowFixtures();
        if (!users.exists("test-admin")) {
            users.create("test-admin", "test-admin", "Test admin", "admin@platform.test", platform.id(),
                    EnumSet.of(Role.ADMIN, Role.INTERNAL));
        }
        return users.loadUserByUsername("test-admin");
    }

    /**
     * Lets a user sign in cheaply: the same password (the username), hashed at BCrypt's lowest cost. HTTP Basic
     * checks the password on every call, and at the production cost that is most of a call's time, too slow for a
     * test of thousands of calls. Returns the username.
     */
    public String fastLogin(String username) {
        jdbc.sql("update app_user set password_hash = ? where username = ?")
                .params(new BCryptPasswordEncoder(4).encode(username), username).update();
        return username;
    }

    /** Opens an opportunity (its flow starts) for a customer with a unique e-mail address. */
    public Opportunity opportunity(Company installer, Company seller) {
        return opportunity(installer, seller, internalUser());
    }

    public Opportunity opportunity(Company installer, Company seller, String ownerUsername) {
        flowFixtures();
        String customer = unique("Cliente");
        var request = new NewOpportunity(null, customer, customer.toLowerCase() + "@customers.test", "+39 333 1234567",
                "Via Roma 1", "Milano", "20121", "MI", installer == null ? null : installer.id(),
                seller == null ? null : seller.id(), ownerUsername);
        return SystemAuthentication.runAs(admin(), () -> opportunities.create(request));
    }

    /** Starts the e-mail test flow (bpmn in src/test/resources) for an opportunity. */
    public String startEmailTestFlow(Opportunity opportunity, String template, String smtpCredential,
                                     String recipientRole, String extraRecipient, boolean failAfterSend) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("template", template);
        variables.put("smtpCredential", smtpCredential);
        variables.put("recipientRole", recipientRole);
        variables.put("extraRecipient", extraRecipient);
        variables.put("failAfterSend", failAfterSend);
        return runtime.startProcessInstanceByKey("EmailTestFlow", Long.toString(opportunity.id()), variables).getId();
    }

    /**
     * Starts the substate-change test flow (bpmn in src/test/resources) for an opportunity: Intake and Approval open;
     * closing Intake makes the change {@code changeType} (OPEN/CLOSE) of substate {@code target}.
     */
    public String startSubstateChangeTestFlow(Opportunity opportunity, String changeType, String target) {
        return runtime.startProcessInstanceByKey("SubstateChangeTestFlow", Long.toString(opportunity.id()),
                Map.of("changeType", changeType, "target", target)).getId();
    }

    /** Customer data imported from elsewhere can hold an address the form would refuse. */
    public void setCustomerEmail(Opportunity opportunity, String email) {
        jdbc.sql("update customer set email = ? where id = (select customer_id from opportunity where id = ?)")
                .params(email, opportunity.id()).update();
    }

    /**
     * Starts the activity test flow (bpmn in src/test/resources) for an opportunity: its substate TestCall opens and
     * its Create activity action runs with these parameters. Returns the process instance id.
     *
     * @param failAfterCreate fail the job once right after the activity was created, as a failed commit would
     */
    public String startActivityTestFlow(Opportunity opportunity, String activityType, String subject,
                                        Object dueInDays, String assigneeRole, boolean failAfterCreate) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("activityType", activityType);
        variables.put("subject", subject);
        variables.put("dueInDays", dueInDays);
        variables.put("assigneeRole", assigneeRole);
        variables.put("failAfterSend", failAfterCreate);
        return runtime.startProcessInstanceByKey("ActivityTestFlow", String.valueOf(opportunity.id()), variables)
                .getId();
    }

    /**
     * Starts the webhook test flow (bpmn in src/test/resources) for an opportunity: its substate ContractSigning opens;
     * closing it runs the Call webhook action with these parameters. Returns the process instance id.
     *
     * @param eventName     null for the default event name
     * @param secret        name of a signing secret, or null
     * @param failAfterCall fail the job once right after the call, as a failed commit would
     */
    public String startWebhookTestFlow(Opportunity opportunity, String url, String eventName, String secret,
                                       boolean failAfterCall) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("webhookUrl", url);
        variables.put("webhookEvent", eventName);
        variables.put("webhookSecret", secret);
        variables.put("failAfterSend", failAfterCall);
        return runtime.startProcessInstanceByKey("WebhookTestFlow", String.valueOf(opportunity.id()), variables)
                .getId();
    }

    /** Opens an opportunity (its flow starts) at an address, with no installer or seller yet. */
    public Opportunity opportunityAt(String postalCode, String province) {
        flowFixtures();
        String customer = unique("Cliente");
        var request = new NewOpportunity(null, customer, customer.toLowerCase() + "@customers.test", "+39 333 1234567",
                "Via Roma 1", "Città", postalCode, province, null, null, internalUser());
        return SystemAuthentication.runAs(admin(), () -> opportunities.create(request));
    }

    /**
     * Starts the assignment test flow (bpmn in src/test/resources) for an opportunity: its substate TestQualified
     * opens; closing it opens TestSurvey, whose Assign installer / seller action runs for this role. Returns the
     * process instance id.
     */
    public String startAssignmentTestFlow(Opportunity opportunity, String role) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("role", role);
        return runtime.startProcessInstanceByKey("AssignmentTestFlow", String.valueOf(opportunity.id()), variables)
                .getId();
    }

    /** A new partner company of this kind that serves a province (the assignment action's zone match). */
    public Company partnerCovering(CompanyKind kind, String province) {
        Company company = partner(kind);
        SystemAuthentication.runAs(admin(), () -> zones.addProvince(company.id(), province));
        return company;
    }

    /** An opportunity at the address whose assignment test flow has reached its Assign installer action. */
    public Opportunity assignInstaller(String postalCode, String province) {
        Opportunity opportunity = opportunityAt(postalCode, province);
        String processInstance = startAssignmentTestFlow(opportunity, "INSTALLER");
        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .untilAsserted(() -> flow.closeSubstate(processInstance, "TestQualified"));
        return opportunity;
    }
}
