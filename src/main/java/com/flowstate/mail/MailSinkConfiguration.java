package com.flowstate.mail;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "flowstate.mail-sink.enabled", havingValue = "true")
class MailSinkConfiguration {

    @Bean(destroyMethod = "close")
    MailSink mailSink(MailSinkProperties properties) {
        return new MailSink(properties.port());
    }
}
