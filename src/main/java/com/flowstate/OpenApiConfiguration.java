package com.flowstate;

import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** OpenAPI description of {@code /api}, served with Swagger UI at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Flowstate API", version = "1",
        description = "Opportunities, substates and the partner-scoped action history"),
        security = @SecurityRequirement(name = "basic"))
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
class OpenApiConfiguration {
}
