package com.flowstate;

import java.io.IOException;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

/** How the REST API reads JSON: a text with a NUL character is refused naming its field (PostgreSQL cannot hold it). */
@Configuration(proxyBeanMethods = false)
class ApiJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer refuseNulInTexts() {
        return builder -> builder.modulesToInstall(new SimpleModule("flowstate-texts")
                .addDeserializer(String.class, new NulRefusingStrings()));
    }

    private static final class NulRefusingStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text != null && text.indexOf('\0') >= 0) {
                return context.reportInputMismatch(String.class, "contains a NUL character");
            }
            return text;
        }
    }
}
