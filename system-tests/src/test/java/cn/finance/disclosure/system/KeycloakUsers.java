package cn.finance.disclosure.system;

import cn.finance.disclosure.stack.KeycloakDirectory;

/**
 * Makes realm users through the real Keycloak's admin API, for tests that need a person the demo realm does not
 * have: one who holds two roles at once, to show that separation of duties is enforced on the person, not the role.
 */
final class KeycloakUsers {

    private final KeycloakDirectory directory;

    KeycloakUsers(int keycloakPort) {
        this.directory = new KeycloakDirectory(keycloakPort);
    }

    /** Creates (once) a user with password "demo", the given realm roles and, when given, a department code. */
    void ensureUser(String username, String departmentCode, String... realmRoles) {
        directory.ensureUser(username, departmentCode, realmRoles);
    }
}
