/**
 * Controller-side secrets: repository credentials, and later the secrets jobs reference by name.
 * Values travel as {@link dev.drover.secret.SecretText}, whose {@code toString} never shows them.
 *
 * <p>Plain Java (file reads only).
 */
package dev.drover.secret;
