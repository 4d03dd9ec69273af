package com.flowstate.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one full-context set-up of the integration tests: the real app on a random port, embedded PostgreSQL, the SMTP
 * sink. Every *IT uses exactly this, so Spring's context cache starts Camunda once for the whole suite.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestData.class, TestFlowBeans.class, DesignersFlow.class})
public @interface IntegrationTest {
}
