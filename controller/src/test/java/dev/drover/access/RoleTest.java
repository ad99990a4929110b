package dev.drover.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RoleTest {

    @ParameterizedTest(name = "{0} includes {1}: {2}")
    @CsvSource({
        "admin,    admin,    true",
        "admin,    deployer, true",
        "admin,    viewer,   true",
        "deployer, admin,    false",
        "deployer, deployer, true",
        "deployer, viewer,   true",
        "viewer,   deployer, false",
        "viewer,   viewer,   true",
        "admin,    agent,    false",
        "agent,    viewer,   false",
        "agent,    agent,    true",
    })
    void eachRoleIncludesTheLesserOnes(String role, String other, boolean includes) {
        assertThat(Role.parse(role).includes(Role.parse(other))).isEqualTo(includes);
    }

    @Test
    void grantedRolesAreTheRoleAndEveryLesserOne() {
        assertThat(Role.ADMIN.grantedRoles()).containsExactly("viewer", "deployer", "admin");
        assertThat(Role.VIEWER.grantedRoles()).containsExactly("viewer");
        assertThat(Role.AGENT.grantedRoles()).containsExactly("agent");
    }

    @Test
    void parseIsForgivingOfCaseAndSaysWhatIsAllowed() {
        assertThat(Role.parse(" Deployer ")).isEqualTo(Role.DEPLOYER);
        assertThatThrownBy(() -> Role.parse("root"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown role 'root': use one of viewer, deployer, admin, agent");
    }
}
