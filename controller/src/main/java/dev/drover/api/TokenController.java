package dev.drover.api;

import dev.drover.access.AccessTokens;
import dev.drover.access.IssuedToken;
import dev.drover.access.Role;
import dev.drover.target.Target;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;

@Controller("/api/v1/tokens")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "access")
public class TokenController {
    private final AccessTokens tokens;
    private final List<Target> targets;

    public TokenController(AccessTokens tokens, List<Target> targets) {
        this.tokens = tokens;
        this.targets = targets;
    }

    @Post
    @Audited("token.create")
    @Operation(summary = "Create an API token; its secret is in this answer only")
    public HttpResponse<CreatedToken> create(HttpRequest<?> request, @Valid @Body CreateTokenRequest body, Authentication caller) {
        AuditNote.target(request, "token/" + body.name());
        AuditNote.reason(request, body.reason());
        if (body.target() != null && targets.stream().noneMatch(t -> t.name().equals(body.target()) && !t.batch())) {
            throw new IllegalArgumentException("target: no agent-run target of that name; known: " + targets.stream()
                    .filter(t -> !t.batch()).map(Target::name).sorted().toList());
        }
        IssuedToken issued = tokens.issue(body.name(), Role.parse(body.role()), caller.getName(), body.target());
        return HttpResponse.created(new CreatedToken(TokenView.of(issued.token()), issued.secret().value()));
    }

    @Get
    @Operation(summary = "List tokens (names and roles; never secrets)")
    public List<TokenView> list() {
        return tokens.list().stream().map(TokenView::of).toList();
    }

    @Delete("/{name}")
    @Audited("token.revoke")
    @Operation(summary = "Revoke a token: it stops working at once")
    public HttpResponse<Void> revoke(HttpRequest<?> request, String name) {
        AuditNote.target(request, "token/" + name);
        if (!tokens.revoke(name)) {
            throw ApiProblem.notFound("active token", name);
        }
        return HttpResponse.noContent();
    }
}
