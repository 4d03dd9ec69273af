package com.flowstate.idempotency;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;

/** Shows the optional {@code Idempotency-Key} header on every state-changing operation of the OpenAPI document. */
@Configuration(proxyBeanMethods = false)
class IdempotencyKeyOpenApi {

    @Bean
    OperationCustomizer idempotencyKeyHeader() {
        return (operation, handler) -> {
            if (handler.hasMethodAnnotation(PostMapping.class) || handler.hasMethodAnnotation(PutMapping.class)
                    || handler.hasMethodAnnotation(PatchMapping.class)
                    || handler.hasMethodAnnotation(DeleteMapping.class)) {
                operation.addParametersItem(new HeaderParameter().name(IdempotencyFilter.HEADER).required(false)
                        .schema(new StringSchema().minLength(1).maxLength(IdempotencyFilter.MAX_KEY_LENGTH))
                        .description("Any 1–255 printable ASCII characters, new for each new request (e.g. a UUID). "
                                + "A retry with the same key and the same request gets the first answer again "
                                + "(header Idempotent-Replayed: true) instead of running twice; the same key with "
                                + "another request is a 422. Only 2xx answers are kept, for 24 hours."));
            }
            return operation;
        };
    }
}
