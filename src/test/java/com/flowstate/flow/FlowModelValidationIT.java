package com.flowstate.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.flowstate.support.IntegrationTest;

/** The substate contract is checked when a flow is deployed, with the offending element named. */
@IntegrationTest
class FlowModelValidationIT {

    @Autowired RepositoryService repository;
    @Autowired FlowService flow;

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
    void theDemoFlowDeclaresItsSubstatesInOrder() {
        assertThat(flow.substates()).extracting(Substate::key).containsExactly("NewContact", "SiteSurvey",
                "DocumentsPending", "DocumentsValidation", "Offer", "Contract");
        assertThat(flow.substates()).extracting(Substate::name).contains("Documentazione in sospeso");
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
