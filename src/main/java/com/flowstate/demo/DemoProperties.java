package com.flowstate.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param opportunities how many demo opportunities to open and push through the flow on the first start
 */
@ConfigurationProperties("flowstate.demo")
public record DemoProperties(int opportunities) {
}
