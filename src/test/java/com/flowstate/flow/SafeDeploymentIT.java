package com.flowstate.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/**
 * DESIGN invariant 7: a deployment can only call Flowstate's actions. Each forbidden construct is refused when a
 * designer deploys it the way Camunda Modeler does, naming the element; expressions reach no bean but the allow-listed
 * ones even when evaluated directly; a deployment with running opportunities is not deleted by a designer, nor by an
 * admin without confirming the count; every deployment is recorded with who made it.
 */
@IntegrationTest
class SafeDeploymentIT {

    private static final String SECRET_PROPERTY = "flowstate.secrets.key";

    @Autowired TestData data;
    @Autowired TestRestTemplate rest;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired ProcessEngine engine;
    @Autowired FlowDeployments deployments;
    @Autowired Environment environment;
    @Autowired ObjectMapper json;

    static Stream<Arguments> forbiddenConstructs() {
        return Stream.of(
                Arguments.of("expression service task", "ReadSecret", serviceTask("ReadSecret",
                        "camunda:expression=\"${environment.getProperty('" + SECRET_PROPERTY + "')}\" "
                                + "camunda:resultVariable=\"secret\"", ""), "camunda:expression"),
                Arguments.of("class delegate", "RunAnything", serviceTask("RunAnything",
                        "camunda:class=\"java.lang.Thread\"", ""), "camunda:class"),
                Arguments.of("delegate expression that is no action", "BeanDelegate", serviceTask("BeanDelegate",
                        "camunda:delegateExpression=\"${environment}\"", ""), "not one of Flowstate's actions"),
                Arguments.of("an action bound by a method call", "ActionCall", serviceTask("ActionCall",
                        "camunda:asyncBefore=\"true\" camunda:delegateExpression=\"${sendEmailAction.toString()}\"",
                        ""), "not one of Flowstate's actions"),
                Arguments.of("${environment…} in an input parameter", "SendWithSecret", serviceTask("SendWithSecret",
                        "camunda:asyncBefore=\"true\" camunda:delegateExpression=\"${sendEmailAction}\"", """
                                <bpmn:extensionElements><camunda:inputOutput>
                                  <camunda:inputParameter name="template">welcome</camunda:inputParameter>
                                  <camunda:inputParameter name="smtpCredential">Platform SMTP</camunda:inputParameter>
                                  <camunda:inputParameter name="recipientRole">CUSTOMER</camunda:inputParameter>
                                  <camunda:inputParameter name="extraRecipient">${environment.activeProfiles}</camunda:inputParameter>
                                </camunda:inputOutput></bpmn:extensionElements>"""), "application bean 'environment'"),
                Arguments.of("script task", "RunScript", """
                        <bpmn:scriptTask id="RunScript" scriptFormat="javascript">
                          <bpmn:script>java.lang.System.exit(1)</bpmn:script>
                        </bpmn:scriptTask>""", "script tasks are not allowed"),
                Arguments.of("script listener", "Listened", serviceTask("Listened", "camunda:type=\"external\" "
                        + "camunda:topic=\"t\"", """
                        <bpmn:extensionElements>
                          <camunda:executionListener event="start">
                            <camunda:script scriptFormat="groovy">System.exit(1)</camunda:script>
                          </camunda:executionListener>
                        </bpmn:extensionElements>"""), "listeners"),
                Arguments.of("execution listener with an expression", "ListenedByExpression",
                        serviceTask("ListenedByExpression", "camunda:type=\"external\" camunda:topic=\"t\"", """
                        <bpmn:extensionElements>
                          <camunda:executionListener event="start" expression="${environment.getProperty('x')}" />
                        </bpmn:extensionElements>"""), "listeners"),
                Arguments.of("task listener with a delegate", "Approve", """
                        <bpmn:userTask id="Approve">
                          <bpmn:extensionElements>
                            <camunda:taskListener event="create" delegateExpression="${sendEmailAction}" />
                          </bpmn:extensionElements>
                        </bpmn:userTask>""", "listeners"),
                Arguments.of("connector", "CallOut", serviceTask("CallOut", "", """
                        <bpmn:extensionElements>
                          <camunda:connector>
                            <camunda:connectorId>http-connector</camunda:connectorId>
                          </camunda:connector>
                        </bpmn:extensionElements>"""), "connectors (camunda:connector) are not allowed"),
                Arguments.of("bean-calling condition", "IfSecret", gatewayWithCondition("IfSecret",
                        "${environment.getProperty('" + SECRET_PROPERTY + "') != null}"), "calls a method"),
                Arguments.of("condition naming a bean", "IfBean", gatewayWithCondition("IfBean",
                        "${userService != null}"), "application bean 'userService'"),
                Arguments.of("condition reaching the engine", "IfEngine", gatewayWithCondition("IfEngine",
                        "${execution.processEngineServices != null}"), "engine object 'execution'"),
                Arguments.of("reflection through a literal", "IfReflection", gatewayWithCondition("IfReflection",
                        "${''.getClass().forName('java.lang.Runtime') != null}"), "calls a method"),
                Arguments.of("script condition", "IfScript", gatewayWithCondition("IfScript", "true")
                        .replace("<bpmn:conditionExpression", "<bpmn:conditionExpression language=\"groovy\""),
                        "script expressions"),
                Arguments.of("timer calling a function", "WaitABit", """
                        <bpmn:intermediateCatchEvent id="WaitABit">
                          <bpmn:timerEventDefinition id="WaitABitTimer">
                            <bpmn:timeDate>${dateTime().plusDays(1).toDate()}</bpmn:timeDate>
                          </bpmn:timerEventDefinition>
                        </bpmn:intermediateCatchEvent>""", "calls a method or function"),
                Arguments.of("field injection into an action", "Injected", serviceTask("Injected",
                        "camunda:asyncBefore=\"true\" camunda:delegateExpression=\"${sendEmailAction}\"", """
                        <bpmn:extensionElements>
                          <camunda:inputOutput>
                            <camunda:inputParameter name="template">welcome</camunda:inputParameter>
                            <camunda:inputParameter name="smtpCredential">Platform SMTP</camunda:inputParameter>
                            <camunda:inputParameter name="recipientRole">CUSTOMER</camunda:inputParameter>
                          </camunda:inputOutput>
                          <camunda:field name="retries"><camunda:string>0</camunda:string></camunda:field>
                        </bpmn:extensionElements>"""), "field injection"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forbiddenConstructs")
    void aForbiddenConstructDeployedByADesignerIsRefusedNamingTheElement(String construct, String elementId,
                                                                          String element, String reason) {
        String key = "Forbidden_" + System.nanoTime();

        ResponseEntity<String> response = deployAs(data.designerUser(), key, flow(key, element));

        assertThat(response.getStatusCode()).as(construct).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).as(construct).contains("Element '" + elementId + "'").contains(reason);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
        assertThat(deployments.of(key)).isEmpty();
    }

    @Test
    void aMessageNameThatCallsAMethodIsRefusedNamingTheMessage() {
        String key = "Forbidden_" + System.nanoTime();
        String bpmn = flow(key, """
                <bpmn:receiveTask id="WaitForIt" messageRef="Message_Sneaky" />""")
                .replace("</bpmn:definitions>", """
                        <bpmn:message id="Message_Sneaky" name="close:${environment.getProperty('x')}" />
                        </bpmn:definitions>""");

        ResponseEntity<String> response = deployAs(data.designerUser(), key, bpmn);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("Element 'Message_Sneaky'").contains("calls a method");
    }

    @Test
    void decisionTablesAreRefused() {
        ResponseEntity<String> response = deploy(data.designerUser(), "decision.dmn", """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="t">
                  <decision id="Sneaky" name="Sneaky"><literalExpression><text>1</text></literalExpression></decision>
                </definitions>""");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("decision.dmn").contains("not allowed");
        assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("Sneaky").count()).isZero();
    }

    @Test
    void whatTheFlowsMayUseStillDeploys() {
        String key = "Allowed_" + System.nanoTime();
        String bpmn = flow(key, """
                <bpmn:exclusiveGateway id="Decide" default="Otherwise" />
                <bpmn:sequenceFlow id="IfBig" sourceRef="Decide" targetRef="Wait">
                  <bpmn:conditionExpression>${amount > 10 &amp;&amp; customer.city == 'Milano' || items[0] == "x" || empty note}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="Otherwise" sourceRef="Decide" targetRef="Wait" />
                <bpmn:intermediateCatchEvent id="Wait">
                  <bpmn:timerEventDefinition id="WaitTimer">
                    <bpmn:timeDuration>${flowTimers.followUpDelay}</bpmn:timeDuration>
                  </bpmn:timerEventDefinition>
                </bpmn:intermediateCatchEvent>""", "Decide", "Wait");

        ResponseEntity<String> response = deployAs(data.designerUser(), key, bpmn);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    }

    /** The attack of the issue, then the same expressions evaluated by the engine as if a check had missed them. */
    @Test
    void noExpressionReadsASecretEvenIfACheckWereMissed() throws Exception {
        String secret = environment.getProperty(SECRET_PROPERTY);
        assertThat(secret).isNotBlank();
        String key = "ReadSecretFlow_" + System.nanoTime();
        ResponseEntity<String> refused = deployAs(data.designerUser(), key, flow(key, serviceTask("ReadSecret",
                "camunda:expression=\"${environment.getProperty('" + SECRET_PROPERTY + "')}\" "
                        + "camunda:resultVariable=\"secret\"", "")));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).doesNotContain(secret);

        ProcessEngineConfigurationImpl configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
        assertThat(configuration.getBeans().containsKey("environment")).isFalse();
        assertThat(configuration.getBeans().containsKey("flowTimers")).isTrue();
        assertThat(configuration.getBeans().containsKey("sendEmailAction")).isTrue();

        assertThat(evaluate(configuration, "${flowTimers.followUpDelay}")).isEqualTo("PT3S");
        assertThat(evaluate(configuration, "${sendEmailAction}")).isNotNull();
        for (String expression : new String[] {"${environment}",
                "${environment.getProperty('" + SECRET_PROPERTY + "')}", "${secretProperties.key}",
                "${applicationContext}", "${userService}"}) {
            assertThatThrownBy(() -> evaluate(configuration, expression)).as(expression)
                    .hasMessageContaining("Cannot resolve identifier")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret));
        }
    }

    @Test
    void aDesignerCannotDeleteADeploymentWithRunningInstancesAndAnAdminOnlyByConfirmingTheCount() throws Exception {
        String designer = data.designerUser();
        String admin = data.admin().getUsername();
        String key = "DeleteMe_" + System.nanoTime();
        String deploymentId = deploymentId(deployAs(designer, key, waitingFlow(key)));
        runtime.startProcessInstanceByKey(key);
        runtime.startProcessInstanceByKey(key);

        ResponseEntity<String> byDesigner = delete(designer, "/engine-rest/deployment/" + deploymentId + "?cascade=true");
        assertThat(byDesigner.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byDesigner.getHeaders().getContentType()).isNotNull()
                .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
        JsonNode problem = json.readTree(byDesigner.getBody());
        assertThat(problem.path("runningInstances").asLong()).isEqualTo(2);
        assertThat(problem.path("detail").asText()).contains("2 running");
        assertThat(delete(designer, "/engine-rest/engine/default/deployment/" + deploymentId + "?cascade=true")
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(delete(designer, "/engine-rest/deployment/" + deploymentId + "?cascade=true&confirmRunning=2")
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> unconfirmed = delete(admin, "/engine-rest/deployment/" + deploymentId + "?cascade=true");
        assertThat(unconfirmed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(json.readTree(unconfirmed.getBody()).path("detail").asText()).contains("2 running")
                .contains("confirmRunning=2");
        assertThat(delete(admin, "/engine-rest/deployment/" + deploymentId + "?cascade=true&confirmRunning=1")
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(delete(admin, "/engine-rest/deployment/" + deploymentId + "?confirmRunning=2")
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(repository.createDeploymentQuery().deploymentId(deploymentId).count()).isOne();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(key).count()).isEqualTo(2);

        ResponseEntity<String> confirmed = delete(admin,
                "/engine-rest/deployment/" + deploymentId + "?cascade=true&confirmRunning=2");
        assertThat(confirmed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(repository.createDeploymentQuery().deploymentId(deploymentId).count()).isZero();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(key).count()).isZero();
    }

    @Test
    void aDesignerMayDeleteADeploymentWithNothingRunning() throws Exception {
        String designer = data.designerUser();
        String key = "Unused_" + System.nanoTime();
        String deploymentId = deploymentId(deployAs(designer, key, waitingFlow(key)));

        assertThat(delete(designer, "/engine-rest/deployment/" + deploymentId).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(repository.createDeploymentQuery().deploymentId(deploymentId).count()).isZero();
    }

    @Test
    void everyDeploymentIsRecordedWithWhoMadeItAndTheVersionsItCreated() throws Exception {
        String designer = data.designerUser();
        String key = "Recorded_" + System.nanoTime();
        String first = deploymentId(deployAs(designer, key, waitingFlow(key)));
        String second = deploymentId(deployAs(designer, key, waitingFlow(key).replace("name=\"Waiting\"",
                "name=\"Still waiting\"")));

        assertThat(deployments.of(key)).extracting(FlowDeployment::deploymentId, FlowDeployment::processVersion,
                        FlowDeployment::deployedBy, FlowDeployment::source)
                .containsExactly(tuple(second, 2, designer, "Camunda Modeler"),
                        tuple(first, 1, designer, "Camunda Modeler"));
        FlowDeployment latest = deployments.of(key).get(0);
        assertThat(latest.deployedAt()).isNotNull();
        assertThat(latest.processDefinitionId()).isEqualTo(repository.createProcessDefinitionQuery()
                .processDefinitionKey(key).latestVersion().singleResult().getId());
        assertThat(deployments.ofVersion(key, 1)).get().extracting(FlowDeployment::deploymentId).isEqualTo(first);

        // The flows of bpmn/, deployed at start-up, were deployed by the system.
        assertThat(deployments.of("SolarSalesFlow"))
                .anySatisfy(record -> assertThat(record.deployedBy()).isEqualTo("system"));
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    @Test
    void aDesignerReadsTheEngineAndDeploysButCannotChangeRunningOpportunitiesThroughIt() {
        String designer = data.designerUser();
        String admin = data.admin().getUsername();
        String key = "Untouchable_" + System.nanoTime();
        assertThat(deployAs(designer, key, waitingFlow(key)).getStatusCode()).isEqualTo(HttpStatus.OK);
        String instance = runtime.startProcessInstanceByKey(key).getId();

        assertThat(rest.withBasicAuth(designer, designer).getForEntity("/engine-rest/process-definition?key=" + key,
                String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rest.withBasicAuth(designer, designer).postForEntity("/engine-rest/process-definition/key/" + key
                + "/start", new HttpEntity<>("{}", jsonHeaders()), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(delete(designer, "/engine-rest/process-instance/" + instance).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isEqualTo(1);

        assertThat(delete(admin, "/engine-rest/process-instance/" + instance).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    private static HttpHeaders jsonHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    private Object evaluate(ProcessEngineConfigurationImpl configuration, String expression) {
        var parsed = configuration.getExpressionManager().createExpression(expression);
        return configuration.getCommandExecutorTxRequired()
                .execute(context -> parsed.getValue(StartProcessVariableScope.getSharedInstance()));
    }

    private ResponseEntity<String> delete(String user, String path) {
        return rest.withBasicAuth(user, user).exchange(path, HttpMethod.DELETE, null, String.class);
    }

    private String deploymentId(ResponseEntity<String> response) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody()).path("id").asText();
    }

    private ResponseEntity<String> deployAs(String user, String key, String bpmn) {
        return deploy(user, key + ".bpmn", bpmn);
    }

    private ResponseEntity<String> deploy(String user, String fileName, String content) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("deployment-name", fileName);
        body.add("deployment-source", "Camunda Modeler");
        body.add("data", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth(user, user)
                .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(body, headers), String.class);
    }

    private static String serviceTask(String id, String attributes, String body) {
        return "<bpmn:serviceTask id=\"" + id + "\" " + attributes + ">" + body + "</bpmn:serviceTask>";
    }

    private static String gatewayWithCondition(String flowId, String condition) {
        return """
                <bpmn:exclusiveGateway id="Decide" default="Otherwise" />
                <bpmn:sequenceFlow id="%s" sourceRef="Decide" targetRef="Done">
                  <bpmn:conditionExpression>%s</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="Otherwise" sourceRef="Decide" targetRef="Done" />
                <bpmn:endEvent id="Done" />""".formatted(flowId, condition.replace("&", "&amp;")
                .replace("<", "&lt;"));
    }

    /** A flow whose start leads to the element(s) given; the first id found is the one the start leads to. */
    private static String flow(String key, String elements) {
        String first = elements.replaceAll("(?s)^.*?id=\"([^\"]+)\".*$", "$1");
        return flow(key, elements, first, null);
    }

    private static String flow(String key, String elements, String first, String last) {
        String end = last == null ? "" : """
                <bpmn:sequenceFlow id="ToEnd" sourceRef="%s" targetRef="End" />
                <bpmn:endEvent id="End" />""".formatted(last);
        return """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="t">
                  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="Start" />
                    <bpmn:sequenceFlow id="ToFirst" sourceRef="Start" targetRef="%s" />
                    %s
                    %s
                  </bpmn:process>
                </bpmn:definitions>""".formatted(key, first, elements, end);
    }

    private static String waitingFlow(String key) {
        return flow(key, "<bpmn:receiveTask id=\"Waiting\" name=\"Waiting\" messageRef=\"Message_Go\" />",
                "Waiting", "Waiting").replace("</bpmn:definitions>",
                "<bpmn:message id=\"Message_Go\" name=\"go:" + key + "\" /></bpmn:definitions>");
    }
}
