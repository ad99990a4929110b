package dev.drover.api;

/** Role names for {@code @Secured}: a token's role grants itself and every lesser role. */
public final class Roles {
    public static final String VIEWER = "viewer";
    public static final String DEPLOYER = "deployer";
    public static final String ADMIN = "admin";
    public static final String AGENT = "agent";

    private Roles() {
    }
}
