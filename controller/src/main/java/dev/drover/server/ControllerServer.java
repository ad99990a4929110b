package dev.drover.server;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
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

    /**
     * Starts and returns the running controller; its HTTP server is up when this returns. A start refused for a
     * reason a person can fix ({@link StartRefused}) is thrown as such, with no stack trace logged.
     */
    public static ApplicationContext start(Map<String, Object> properties) {
        return new Launch()
                .mainClass(ControllerServer.class)
                .banner(false)
                .properties(properties)
                .start();
    }

    /** Micronaut's launch, except that a refused start is the caller's to report (Micronaut logs it and exits). */
    private static final class Launch extends Micronaut {
        @Override
        protected void handleStartupException(Environment environment, Throwable exception) {
            for (Throwable t = exception; t != null; t = t.getCause()) {
                if (t instanceof StartRefused refused) {
                    throw refused;
                }
            }
            super.handleStartupException(environment, exception);
        }
    }
}
