package dev.drover.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drover.secret.SecretText;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceSettingsTest {

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @CsvSource(delimiter = '|', value = {
        "Thumbnailer | https://git.example/t.git          | main            |           | service name 'Thumbnailer' is not valid",
        "thumb       | ' '                                | main            |           | a repository URL is needed",
        "thumb       | https://bob:hunter2@git.example/t  | main            |           | put no password or token in the repository URL",
        "thumb       | https://git.example/t.git          | refs/heads/main |           | give 'main', not 'refs/heads/main'",
        "thumb       | https://git.example/t.git          | a..b            |           | is not a branch name",
        "thumb       | https://git.example/t.git          | main            | ../etc    | is not a secret name",
    })
    void badSettingsAreRefusedSayingWhatToDo(String name, String repo, String branch, String credentials, String why) {
        assertThatThrownBy(() -> new ServiceSettings(name, repo, branch, null, credentials))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(why);
    }

    @Test
    void overLongSettingsAreRefusedWithoutBeingRepeated() {
        String url = "https://git.example/" + "r".repeat(1981);
        String branch = "b".repeat(201);
        String secret = "wh-s3cret-" + "s".repeat(491);
        String credentials = "c".repeat(201);
        String repo = "https://git.example/t.git";
        assertRefused(() -> settings("n".repeat(64), repo, "main", null, null), "at most 63 characters", "n".repeat(64));
        assertRefused(() -> settings("thumb", url, "main", null, null), "one line of at most 2000 characters", url);
        assertRefused(() -> settings("thumb", "https://git.example/t\n.git", "main", null, null), "one line", "t\n.git");
        assertRefused(() -> settings("thumb", repo, branch, null, null), "at most 200 characters", branch);
        assertRefused(() -> settings("thumb", repo, "main", secret, null), "one line of at most 500 characters", secret);
        assertRefused(() -> settings("thumb", repo, "main", "two\nlines", null), "one line of at most 500", "two\nlines");
        assertRefused(() -> settings("thumb", repo, "main", null, credentials), "in at most 200 characters", credentials);

        ServiceSettings atLimits = settings("thumb", url.substring(1), branch.substring(1), secret.substring(1),
                credentials.substring(1));
        assertThat(atLimits.repoUrl()).hasSize(2000);
    }

    private static ServiceSettings settings(String name, String repo, String branch, String secret, String credentials) {
        return new ServiceSettings(name, repo, branch, secret == null ? null : new SecretText(secret), credentials);
    }

    private static void assertRefused(ThrowingCallable make, String why, String sent) {
        assertThatThrownBy(make).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(why)
                .hasMessageNotContaining(sent.substring(0, Math.min(20, sent.length())));
    }

    @Test
    void goodSettingsPass() {
        ServiceSettings settings = new ServiceSettings("thumbnailer", "git@github.com:acme/t.git", "release/2.x", null,
                "github/deploy-token");
        assertThat(settings.branch()).isEqualTo("release/2.x");
    }
}
