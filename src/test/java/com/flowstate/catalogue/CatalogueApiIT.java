package com.flowstate.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flowstate.action.activity.ActivityType;
import com.flowstate.action.activity.AssigneeRole;
import com.flowstate.action.assignment.PartnerRole;
import com.flowstate.action.email.RecipientRole;
import com.flowstate.action.export.ExportExtension;
import com.flowstate.action.export.ExportTemplate;
import com.flowstate.action.export.ExportTemplateService;
import com.flowstate.action.export.ExportType;
import com.flowstate.action.report.ReportTemplateService;
import com.flowstate.action.report.SampleReportTemplate;
import com.flowstate.flow.SubstateChangeType;
import com.flowstate.flow.Trigger;
import com.flowstate.mail.SmtpCredentialService;
import com.flowstate.partner.CompanyKind;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/**
 * {@code /api/catalogue}: what a flow may name, for designers and admins only, and never a secret of an SMTP account.
 */
@IntegrationTest
class CatalogueApiIT {

    private static final List<String> LISTS = List.of("email-templates", "report-templates", "export-templates",
            "smtp-accounts", "activity-types", "recipient-roles", "assignee-roles", "partner-roles", "change-types",
            "triggers");
    private static final String DEMO_PASSWORD = "legacy-password";

    @Autowired TestData data;
    @Autowired TestRestTemplate rest;
    @Autowired SmtpCredentialService smtpAccounts;
    @Autowired ReportTemplateService reportTemplates;
    @Autowired ExportTemplateService exportTemplates;
    private final ObjectMapper json = new ObjectMapper();

    String account;
    String accountUsername;
    String accountPassword;
    String exportTemplate;

    @BeforeEach
    void configuredData() {
        data.flowFixtures();
        account = data.unique("Catalogue SMTP");
        accountUsername = data.unique("catalogue-login");
        accountPassword = data.unique("s3cret-catalogue");
        smtpAccounts.save(account, "smtp.catalogue.test", 587, accountUsername, accountPassword,
                "sales@catalogue.test", true);
        if (reportTemplates.findByName(SampleReportTemplate.NAME).isEmpty()) {
            reportTemplates.save(SampleReportTemplate.NAME, SampleReportTemplate.docx());
        }
        exportTemplate = data.unique("catalogue-export");
        exportTemplates.save(ExportTemplate.of(exportTemplate, ExportType.OPPORTUNITIES, ExportExtension.CSV,
                "INSTALLER", TestData.WORKING_SMTP));
    }

    @Test
    void theIndexNamesEveryList() throws Exception {
        String designer = data.designerUser();

        assertThat(names(get(designer, "/api/catalogue"))).containsExactlyElementsOf(LISTS);
    }

    @Test
    void designersAndAdminsReadEveryListWithNamesAndDescriptions() throws Exception {
        String designer = data.designerUser();
        String admin = data.admin().getUsername();

        for (String user : List.of(designer, admin)) {
            for (String list : LISTS) {
                List<Map<String, String>> entries = entries(get(user, "/api/catalogue/" + list));
                assertThat(entries).as("%s as %s", list, user).isNotEmpty()
                        .allSatisfy(entry -> assertThat(entry.keySet()).containsExactlyInAnyOrder("name",
                                "description"))
                        .allSatisfy(entry -> assertThat(entry.get("description")).isNotBlank());
            }
        }

        assertThat(names(get(designer, "/api/catalogue/email-templates"))).contains("welcome", "offer-sent");
        assertThat(names(get(designer, "/api/catalogue/report-templates"))).contains(SampleReportTemplate.NAME);
        assertThat(entries(get(designer, "/api/catalogue/export-templates")))
                .filteredOn(entry -> entry.get("name").equals(exportTemplate)).singleElement()
                .satisfies(entry -> assertThat(entry.get("description")).contains("OPPORTUNITIES", "CSV",
                        "INSTALLER", TestData.WORKING_SMTP));
        assertThat(entries(get(designer, "/api/catalogue/smtp-accounts")))
                .filteredOn(entry -> entry.get("name").equals(account)).singleElement()
                .satisfies(entry -> assertThat(entry.get("description"))
                        .contains("smtp.catalogue.test", "sales@catalogue.test"));
        assertThat(names(get(designer, "/api/catalogue/smtp-accounts")))
                .contains(TestData.WORKING_SMTP, TestData.DEAD_SMTP);
        assertThat(names(get(designer, "/api/catalogue/activity-types"))).containsExactlyElementsOf(
                Arrays.stream(ActivityType.values()).map(Enum::name).toList());
        assertThat(names(get(designer, "/api/catalogue/recipient-roles"))).containsExactlyElementsOf(
                Arrays.stream(RecipientRole.values()).map(Enum::name).toList());
        assertThat(names(get(designer, "/api/catalogue/assignee-roles"))).containsExactlyElementsOf(
                Arrays.stream(AssigneeRole.values()).map(Enum::name).toList());
        assertThat(names(get(designer, "/api/catalogue/partner-roles"))).containsExactlyElementsOf(
                Arrays.stream(PartnerRole.values()).map(Enum::name).toList());
        assertThat(names(get(designer, "/api/catalogue/change-types"))).containsExactlyElementsOf(
                Arrays.stream(SubstateChangeType.values()).map(Enum::name).toList());
        assertThat(names(get(designer, "/api/catalogue/triggers"))).contains("OPEN", "CLOSE", "SCHEDULED")
                .containsExactlyElementsOf(Arrays.stream(Trigger.values()).map(Enum::name).toList());
    }

    @Test
    void theSmtpAccountsNeverShowAUsernameOrAPassword() {
        for (String user : List.of(data.designerUser(), data.admin().getUsername())) {
            String body = get(user, "/api/catalogue/smtp-accounts");

            assertThat(body).contains(account, TestData.DEAD_SMTP)
                    .doesNotContain(accountPassword, accountUsername, DEMO_PASSWORD)
                    .doesNotContainIgnoringCase("password")
                    .doesNotContainIgnoringCase("username");
        }
    }

    @Test
    void partnersAndInternalUsersGetA403ProblemDetail() {
        String partner = data.partnerUser(data.partner(CompanyKind.INSTALLER));
        String internal = data.internalUser();

        for (String user : List.of(partner, internal)) {
            for (String path : concat("/api/catalogue", LISTS.stream().map(list -> "/api/catalogue/" + list))) {
                ResponseEntity<String> response = rest.withBasicAuth(user, user).getForEntity(path, String.class);

                assertThat(response.getStatusCode()).as("%s as %s", path, user).isEqualTo(HttpStatus.FORBIDDEN);
                assertThat(response.getHeaders().getContentType())
                        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                assertThat(response.getBody()).contains("\"status\":403").doesNotContain(account);
            }
        }
    }

    @Test
    void anUnknownListIsA404NamingTheKnownOnes() throws Exception {
        String designer = data.designerUser();

        ResponseEntity<String> response = rest.withBasicAuth(designer, designer)
                .getForEntity("/api/catalogue/passwords", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        String detail = json.readTree(response.getBody()).path("detail").asText();
        assertThat(detail).contains("passwords");
        LISTS.forEach(list -> assertThat(detail).contains(list));
    }

    @Test
    void anonymousCallersAreAskedToSignIn() {
        assertThat(rest.getForEntity("/api/catalogue/smtp-accounts", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private String get(String user, String path) {
        ResponseEntity<String> response = rest.withBasicAuth(user, user).getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as("%s as %s", path, user).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private List<Map<String, String>> entries(String body) throws Exception {
        return json.readValue(body, new TypeReference<>() { });
    }

    private List<String> names(String body) throws Exception {
        return entries(body).stream().map(entry -> entry.get("name")).toList();
    }

    private static List<String> concat(String first, java.util.stream.Stream<String> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest).toList();
    }
}
