package com.aftersales.gateway;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}). */
@Configuration
public class ApiDocumentation {

    @Bean
    OpenAPI aftersalesApi() {
        return new OpenAPI()
                .info(new Info().title("Aftersales API").version("v1").description("""
                        After-sales service (售后服务) tickets for client companies. Every call needs a bearer JWT \
                        from a trusted issuer with audience `aftersales-api`, a `tenant` claim (unless the issuer \
                        is bound to a tenant) and `roles`. Errors are RFC 9457 problem details \
                        (`application/problem+json`) with a stable `code`; `Accept-Language: zh-CN` gives \
                        Chinese messages."""))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
