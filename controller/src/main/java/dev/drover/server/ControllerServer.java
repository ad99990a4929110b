package dev.drover.server;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import java.util.Map;

/** Starts the controller: HTTP API, dashboard, and (in later stages) the reconcile loops. */
@OpenAPIDefinition(
        info = @Info(title = "Drover", version = "v1",
                description = "Continuous deployment for batch and queue workers. Every /api/v1 call needs a bearer token."),
        security = @SecurityRequirement(name = "token"))
@SecurityScheme(name = "token", type = SecuritySchemeType.HTTP, scheme = "bearer")
public final class ControllerServer {
    private ControllerServer() {
    }

    /** Starts and returns the running controller; its HTTP server is up when this returns. */
    public static ApplicationContext start(Map<String, Object> properties) {
        return Micronaut.build(new String[0])
                .mainClass(ControllerServer.class)
                .banner(false)
                .properties(properties)
                .start();
    }
}
