package dev.drover.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A fixed login goes to its own registry only, and no login ever prints its password. */
class RegistryAuthTest {

    @Test
    void aBasicLoginAnswersForItsRegistryHostOnly() {
        RegistryAuth auth = RegistryAuth.basic("registry.example.com:5000", "drover", "s3cret");

        assertThat(auth.credentialsFor("registry.example.com:5000/drover/api"))
                .contains(new RegistryCredentials("drover", "s3cret", "registry.example.com:5000"));
        assertThat(auth.credentialsFor("registry.example.com/drover/api")).isEmpty();
        assertThat(auth.credentialsFor("registry.example.com:5000.evil.example/drover/api")).isEmpty();
        assertThat(auth.credentialsFor("ghcr.io/registry.example.com:5000/api")).isEmpty();
    }

    @Test
    void noLoginAnswersNothing() {
        assertThat(RegistryAuth.NONE.credentialsFor("127.0.0.1:5000/drover/api")).isEmpty();
    }

    @Test
    void credentialsNeverPrintThePassword() {
        RegistryCredentials login = new RegistryCredentials("AWS", "eyJwYXlsb2FkIjoi", "https://1.dkr.ecr.us-east-1.amazonaws.com");

        assertThat(login.toString()).contains("AWS", "https://1.dkr.ecr.us-east-1.amazonaws.com")
                .doesNotContain("eyJwYXlsb2FkIjoi");
    }

    @Test
    void theHostIsWhatComesBeforeTheFirstSlash() {
        assertThat(RegistryAuth.hostOf("127.0.0.1:5000/drover/api")).isEqualTo("127.0.0.1:5000");
        assertThat(RegistryAuth.hostOf("api")).isEqualTo("api");
    }
}
