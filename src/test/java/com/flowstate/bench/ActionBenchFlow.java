package com.flowstate.bench;

/**
 * The flow of the action-throughput benchmark, in two versions of the same shape. Substate {@code Bench} opens at the
 * start; closing it runs three asynchronous on-close actions one after the other, as the designers' flows chain them:
 * an e-mail to the customer, an activity, and a substate change that opens {@code Done}; the flow waits meanwhile in
 * substate {@code Next}, so the change finds it running.
 * <ul>
 *   <li>{@link #FLOWSTATE}: Flowstate's actions, so each one runs through the action runner and is projected into
 *   its history tab;</li>
 *   <li>{@link #BASELINE}: the same BPMN whose three tasks call a no-op delegate ({@link BenchNoopDelegate}); started
 *   without an opportunity as business key, so Flowstate's history projection ignores it and only Camunda's own full
 *   history is written.</li>
 * </ul>
 */
record ActionBenchFlow(String key, String emailDelegate, String activityDelegate, String changeDelegate) {

    static final ActionBenchFlow FLOWSTATE = new ActionBenchFlow("ActionBenchFlow", "sendEmailAction",
            "createActivityAction", "changeSubstateAction");
    static final ActionBenchFlow BASELINE = new ActionBenchFlow("ActionBenchBaseline", "benchNoopDelegate",
            "benchNoopDelegate", "benchNoopDelegate");

    /** The ids of the three action tasks, in the order they run. */
    static final String EMAIL = "BenchEmail";
    static final String ACTIVITY = "BenchActivity";
    static final String CHANGE = "BenchOpenDone";
    static final String SUBSTATE = "Bench";

    String bpmn() {
        return """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s"
                    targetNamespace="https://flowstate.example/bpmn/bench">
                  <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="Started" />
                    <bpmn:sequenceFlow id="F_Start_Bench" sourceRef="Started" targetRef="Substate_Bench" />
                    <bpmn:subProcess id="Substate_Bench" name="Banco di prova">
                      <bpmn:startEvent id="Bench_Opened" />
                      <bpmn:sequenceFlow id="F_Opened_Open" sourceRef="Bench_Opened" targetRef="Bench_Open" />
                      <bpmn:receiveTask id="Bench_Open" name="Banco di prova aperto" messageRef="Message_CloseBench" />
                      <bpmn:sequenceFlow id="F_Open_Email" sourceRef="Bench_Open" targetRef="BenchEmail" />
                      <bpmn:serviceTask id="BenchEmail" name="E-mail al cliente" camunda:asyncBefore="true"
                                        camunda:delegateExpression="${%2$s}">
                        <bpmn:extensionElements>
                          <camunda:inputOutput>
                            <camunda:inputParameter name="template">welcome</camunda:inputParameter>
                            <camunda:inputParameter name="smtpCredential">Platform SMTP</camunda:inputParameter>
                            <camunda:inputParameter name="recipientRole">CUSTOMER</camunda:inputParameter>
                          </camunda:inputOutput>
                        </bpmn:extensionElements>
                      </bpmn:serviceTask>
                      <bpmn:sequenceFlow id="F_Email_Activity" sourceRef="BenchEmail" targetRef="BenchActivity" />
                      <bpmn:serviceTask id="BenchActivity" name="Attività: richiamare" camunda:asyncBefore="true"
                                        camunda:delegateExpression="${%3$s}">
                        <bpmn:extensionElements>
                          <camunda:inputOutput>
                            <camunda:inputParameter name="activityType">CALL</camunda:inputParameter>
                            <camunda:inputParameter name="subject">Richiamare il cliente</camunda:inputParameter>
                            <camunda:inputParameter name="dueInDays">2</camunda:inputParameter>
                            <camunda:inputParameter name="assigneeRole">INTERNAL_USER</camunda:inputParameter>
                          </camunda:inputOutput>
                        </bpmn:extensionElements>
                      </bpmn:serviceTask>
                      <bpmn:sequenceFlow id="F_Activity_Change" sourceRef="BenchActivity" targetRef="BenchOpenDone" />
                      <bpmn:serviceTask id="BenchOpenDone" name="Apri Concluso" camunda:asyncBefore="true"
                                        camunda:delegateExpression="${%4$s}">
                        <bpmn:extensionElements>
                          <camunda:inputOutput>
                            <camunda:inputParameter name="changeType">OPEN</camunda:inputParameter>
                            <camunda:inputParameter name="targetSubstate">Done</camunda:inputParameter>
                          </camunda:inputOutput>
                        </bpmn:extensionElements>
                      </bpmn:serviceTask>
                      <bpmn:sequenceFlow id="F_Change_Closed" sourceRef="BenchOpenDone" targetRef="Bench_Closed" />
                      <bpmn:endEvent id="Bench_Closed" />
                    </bpmn:subProcess>
                    <bpmn:sequenceFlow id="F_Bench_Next" sourceRef="Substate_Bench" targetRef="Substate_Next" />
                    <bpmn:subProcess id="Substate_Next" name="Seguito">
                      <bpmn:startEvent id="Next_Opened" />
                      <bpmn:sequenceFlow id="F_Next_Open" sourceRef="Next_Opened" targetRef="Next_Open" />
                      <bpmn:receiveTask id="Next_Open" name="Seguito aperto" messageRef="Message_CloseNext" />
                      <bpmn:sequenceFlow id="F_Next_Closed" sourceRef="Next_Open" targetRef="Next_Closed" />
                      <bpmn:endEvent id="Next_Closed" />
                    </bpmn:subProcess>
                    <bpmn:sequenceFlow id="F_Next_End" sourceRef="Substate_Next" targetRef="Ended" />
                    <bpmn:endEvent id="Ended" />
                    <bpmn:subProcess id="Substate_Done" name="Concluso">
                      <bpmn:startEvent id="Done_Opened" />
                      <bpmn:sequenceFlow id="F_Done_Open" sourceRef="Done_Opened" targetRef="Done_Open" />
                      <bpmn:receiveTask id="Done_Open" name="Concluso aperto" messageRef="Message_CloseDone" />
                      <bpmn:sequenceFlow id="F_Done_Closed" sourceRef="Done_Open" targetRef="Done_Closed" />
                      <bpmn:endEvent id="Done_Closed" />
                    </bpmn:subProcess>
                  </bpmn:process>
                  <bpmn:message id="Message_CloseBench" name="close:Bench" />
                  <bpmn:message id="Message_CloseDone" name="close:Done" />
                  <bpmn:message id="Message_CloseNext" name="close:Next" />
                </bpmn:definitions>""".formatted(key, emailDelegate, activityDelegate, changeDelegate);
    }
}
