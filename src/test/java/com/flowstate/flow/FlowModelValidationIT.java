package com.flowstate.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/** The substate contract is checked when a flow is deployed, with the offending element named. */
@IntegrationTest
class FlowModelValidationIT {

    @Autowired RepositoryService repository;
    @Autowired FlowCatalogue catalogue;
    @Autowired TestData data;
    @Autowired TestRestTemplate rest;

    @Test
    void anActionThatIsNotAsynchronousIsRefusedWithItsElementId() {
        String bpmn = flowWith("""
                <bpmn:serviceTask id="SendWelcomeEmail" camunda:delegateExpression="${sendEmailAction}" />
                <bpmn:sequenceFlow id="F2" sourceRef="SendWelcomeEmail" targetRef="End" />
                <bpmn:endEvent id="End" />""");

        assertThatThrownBy(() -> deploy(bpmn))
                .hasMessageContaining("SendWelcomeEmail")
                .hasMessageContaining("camunda:asyncBefore");
    }

    @Test
    void aSubstateWithoutAWaitStateIsRefusedWithItsElementId() {
        String bpmn = flowWith("""
                <bpmn:subProcess id="Substate_NoWait">
                  <bpmn:startEvent id="InnerStart" />
                  <bpmn:sequenceFlow id="F2" sourceRef="InnerStart" targetRef="InnerEnd" />
                  <bpmn:endEvent id="InnerEnd" />
                </bpmn:subProcess>""").replace("targetRef=\"SendWelcomeEmail\"", "targetRef=\"Substate_NoWait\"");

        assertThatThrownBy(() -> deploy(bpmn))
                .hasMessageContaining("Substate_NoWait")
                .hasMessageContaining("exactly one wait state");
    }

    @Test
    void anUnknownActionIsRefusedWithItsName() {
        String bpmn = flowWith("""
                <bpmn:serviceTask id="SendFax" camunda:asyncBefore="true" camunda:delegateExpression="${sendFaxAction}" />
                <bpmn:sequenceFlow id="F2" sourceRef="SendFax" targetRef="End" />
                <bpmn:endEvent id="End" />""").replace("targetRef=\"SendWelcomeEmail\"", "targetRef=\"SendFax\"");

        assertThatThrownBy(() -> deploy(bpmn))
                .hasMessageContaining("SendFax")
                .hasMessageContaining("unknown action 'sendFaxAction'");
    }

    @Test
    void anUnknownRecipientRoleIsRefusedWithTheValue() {
        String bpmn = flowWith(emailTask("welcome", TestData.WORKING_SMTP, "NEIGHBOUR"));

        assertThatThrownBy(() -> deploy(bpmn))
                .hasMessageContaining("SendWelcomeEmail")
                .hasMessageContaining("unknown recipient role 'NEIGHBOUR'");
    }

    @Test
    void aDeploymentThroughTheEngineRestApiWithAnUnknownTemplateIsRefusedNamingElementAndValue() {
        data.flowFixtures();
        String designer = data.designerUser();
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("deployment-name", "from-modeler");
        body.add("deployment-source", "Camunda Modeler");
        body.add("data", new ByteArrayResource(flowWith(emailTask("no-such-template", TestData.WORKING_SMTP,
                "CUSTOMER")).getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "bad-template.bpmn";
            }
        });
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);

        ResponseEntity<String> response = rest.withBasicAuth(designer, designer)
                .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(body, headers), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("SendWelcomeEmail").contains("unknown e-mail template 'no-such-template'");
    }

    @Test
    void aNameLongerThanTheEngineStoresIsRefusedWithTheElementInsteadOfFailingInTheDatabase() {
        String longName = "Flusso molto lungo ".repeat(20);
        String flow = flowWith(emailTask("welcome", TestData.WORKING_SMTP, "CUSTOMER"));

        assertThatThrownBy(() -> deploy(flow.replace("id=\"BrokenFlow\"", "id=\"BrokenFlow\" name=\"" + longName
                + "\""))).hasMessageContaining("BrokenFlow").hasMessageContaining("at most 255");
        assertThatThrownBy(() -> deploy(flow.replace("id=\"SendWelcomeEmail\"", "id=\"SendWelcomeEmail\" name=\""
                + longName + "\""))).hasMessageContaining("SendWelcomeEmail").hasMessageContaining("at most 255");
    }

    @Test
    void anUnknownSmtpAccountIsRefusedWithItsName() {
        data.flowFixtures();
        String bpmn = flowWith(emailTask("welcome", "Nobody's SMTP", "CUSTOMER"));

        assertThatThrownBy(() -> deploy(bpmn))
                .hasMessageContaining("SendWelcomeEmail")
                .hasMessageContaining("unknown SMTP credentials 'Nobody's SMTP'");
    }

    @Test
    void theDemoFlowDeclaresItsSubstatesInOrder() {
        assertThat(catalogue.flow("SolarSalesFlow").orElseThrow().substates()).extracting(Substate::key).containsExactly("NewContact", "SiteSurvey",
                "DocumentsPending", "DocumentsValidation", "Offer", "Contract", "GridConnection");
        assertThat(catalogue.flow("SolarSalesFlow").orElseThrow().substates()).extracting(Substate::name).contains("Documentazione in sospeso");
    }

    private static String emailTask(String template, String smtp, String role) {
        return """
                <bpmn:serviceTask id="SendWelcomeEmail" camunda:asyncBefore="true"
                                  camunda:delegateExpression="${sendEmailAction}">
                  <bpmn:extensionElements>
                    <camunda:inputOutput>
                      <camunda:inputParameter name="template">%s</camunda:inputParameter>
                      <camunda:inputParameter name="smtpCredential">%s</camunda:inputParameter>
                      <camunda:inputParameter name="recipientRole">%s</camunda:inputParameter>
                    </camunda:inputOutput>
                  </bpmn:extensionElements>
                </bpmn:serviceTask>
                <bpmn:sequenceFlow id="F2" sourceRef="SendWelcomeEmail" targetRef="End" />
                <bpmn:endEvent id="End" />""".formatted(template, smtp, role);
    }

    private void deploy(String bpmn) {
        repository.createDeployment().name("validation-test").addString("broken.bpmn", bpmn).deploy();
    }

    private static String flowWith(String elements) {
        return """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="t">
                  <bpmn:process id="BrokenFlow" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="Start" />
                    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="SendWelcomeEmail" />
                    %s
                  </bpmn:process>
                </bpmn:definitions>""".formatted(elements);
    }
}
