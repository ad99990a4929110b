package dev.drover.aws;

import dev.drover.build.BuildFailure;
import dev.drover.build.RegistryAuth;
import dev.drover.build.RegistryCredentials;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;

/**
 * Registry logins for ECR: a token from {@code GetAuthorizationToken} (base64 {@code AWS:<password>}, good
 * for 12 hours), kept until {@value #REFRESH_MINUTES} minutes before it expires. Answers only for
 * repositories on an ECR registry host ({@code <account>.dkr.ecr.<region>.amazonaws.com/...}) of the
 * client's region, so the token is never sent to another registry.
 */
public final class EcrRegistryAuth implements RegistryAuth {
    static final int REFRESH_MINUTES = 10;
    private static final Pattern ECR_HOST =
            Pattern.compile("\\d{12}\\.dkr\\.ecr(?:-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?");
    private static final Set<String> BAD_CREDENTIALS = Set.of("UnrecognizedClientException", "InvalidClientTokenId",
            "InvalidSignatureException", "SignatureDoesNotMatch", "ExpiredTokenException", "MissingAuthenticationToken");

    private final EcrClient ecr;
    private final Clock clock;
    private final Predicate<String> servesHost;
    private RegistryCredentials token;
    private Instant refreshAt = Instant.MIN;

    /** Serves the ECR registries of the client's region. */
    public EcrRegistryAuth(EcrClient ecr, Clock clock) {
        this(ecr, clock, EcrRegistryAuth::isEcrHost);
    }

    /**
     * Serves the registry hosts {@code servesHost} accepts: an ECR-compatible registry under another name
     * (a pull-through proxy, or a test's local registry).
     */
    public EcrRegistryAuth(EcrClient ecr, Clock clock, Predicate<String> servesHost) {
        this.ecr = ecr;
        this.clock = clock;
        this.servesHost = servesHost;
    }

    /** Whether {@code host} is an ECR registry, {@code <account>.dkr.ecr.<region>.amazonaws.com}. */
    public static boolean isEcrHost(String host) {
        return ECR_HOST.matcher(host).matches();
    }

    @Override
    public synchronized Optional<RegistryCredentials> credentialsFor(String repository) {
        String host = RegistryAuth.hostOf(repository);
        if (!servesHost.test(host)) {
            return Optional.empty();
        }
        checkRegion(host);
        Instant now = clock.instant();
        if (token == null || !now.isBefore(refreshAt)) {
            AuthorizationData data = fetch();
            token = decode(data);
            refreshAt = data.expiresAt() == null ? now : data.expiresAt().minus(Duration.ofMinutes(REFRESH_MINUTES));
        }
        return Optional.of(token);
    }

    private void checkRegion(String host) {
        Matcher m = ECR_HOST.matcher(host);
        String region = region();
        if (m.matches() && !m.group(1).equals(region)) {
            throw new BuildFailure("the registry " + host + " is in region " + m.group(1) + " but drover.aws.region is "
                    + region + ": an ECR token is only good in its own region; set drover.aws.region to " + m.group(1)
                    + " or push to the registry of " + region);
        }
    }

    private AuthorizationData fetch() {
        try {
            return ecr.getAuthorizationToken(b -> { }).authorizationData().stream().findFirst()
                    .orElseThrow(() -> new BuildFailure("ECR answered GetAuthorizationToken in region " + region()
                            + " without a token"));
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
            String why = code + ": " + (e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage());
            if (code.startsWith("AccessDenied") || (e.statusCode() == 403 && !BAD_CREDENTIALS.contains(code))) {
                throw new BuildFailure("ECR refused a push token in region " + region() + " (" + why + "): allow the "
                        + "controller's IAM identity ecr:GetAuthorizationToken (on resource \"*\")", e);
            }
            if (BAD_CREDENTIALS.contains(code)) {
                throw new BuildFailure("AWS did not accept the controller's credentials (" + why + "): check the "
                        + "environment, profile or role the controller runs with", e);
            }
            throw new BuildFailure("ECR GetAuthorizationToken failed in region " + region() + " (" + why + ")", e);
        } catch (SdkClientException e) {
            throw new BuildFailure("could not get an ECR push token in region " + region() + " (" + e.getMessage()
                    + "): check drover.aws.region, drover.aws.endpoints.ecr and the controller's AWS credentials", e);
        }
    }

    private static RegistryCredentials decode(AuthorizationData data) {
        String login;
        try {
            login = new String(Base64.getDecoder().decode(String.valueOf(data.authorizationToken())),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BuildFailure("ECR's authorization token is not base64; was drover.aws.endpoints.ecr pointed "
                    + "at something other than ECR?");
        }
        int colon = login.indexOf(':');
        if (colon <= 0 || data.proxyEndpoint() == null) {
            throw new BuildFailure("ECR's authorization token is not user:password with a proxy endpoint; was "
                    + "drover.aws.endpoints.ecr pointed at something other than ECR?");
        }
        return new RegistryCredentials(login.substring(0, colon), login.substring(colon + 1), data.proxyEndpoint());
    }

    private String region() {
        return ecr.serviceClientConfiguration().region().id();
    }

    @Override
    public void close() {
        ecr.close();
    }
}
