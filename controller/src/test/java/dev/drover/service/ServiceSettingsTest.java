package dev.drover.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void goodSettingsPass() {
        ServiceSettings settings = new ServiceSettings("thumbnailer", "git@github.com:acme/t.git", "release/2.x", null,
                "github/deploy-token");
        assertThat(settings.branch()).isEqualTo("release/2.x");
    }
}
