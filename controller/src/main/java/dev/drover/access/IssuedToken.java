package dev.drover.access;

/** A token just created, with its secret: the only moment the secret is known. */
public record IssuedToken(ApiToken token, TokenSecret secret) {
}
