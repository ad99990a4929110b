package dev.drover.api;

/** The answer to a token creation: the only time the secret is shown. */
public record CreatedToken(TokenView token, String secret) {
}
