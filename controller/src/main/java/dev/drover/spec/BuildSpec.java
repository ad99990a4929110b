package dev.drover.spec;

/** How the image is built: a Dockerfile and a build context, both relative to the repository root. */
public record BuildSpec(String dockerfile, String context) {
    public static final BuildSpec DEFAULT = new BuildSpec("Dockerfile", ".");
}
