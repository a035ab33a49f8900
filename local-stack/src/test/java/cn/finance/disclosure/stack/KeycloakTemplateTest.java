package cn.finance.disclosure.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A throwaway stack starts from the build's Keycloak database only when it was made for the same realm and build,
 * and never over a database the stack already has.
 */
class KeycloakTemplateTest {

    @TempDir
    Path dist;

    @TempDir
    Path data;

    @Test
    void withoutATemplateKeycloakCreatesItsOwnDatabase() {
        assertThat(KeycloakTemplate.copyInto(dist, "{\"realm\":\"finance\"}", data.resolve("keycloak"))).isFalse();
        assertThat(data.resolve("keycloak/keycloakdb.mv.db")).doesNotExist();
    }

    @Test
    void theTemplateOfTheSameRealmIsCopied() throws IOException {
        Path template = made("{\"realm\":\"finance\"}", "schema and realm");
        assertThat(template.getParent()).isEqualTo(dist.resolve("data/templates"));
        assertThat(KeycloakTemplate.copyInto(dist, "{\"realm\":\"finance\"}", data.resolve("keycloak"))).isTrue();
        assertThat(data.resolve("keycloak/keycloakdb.mv.db")).hasContent("schema and realm");
    }

    @Test
    void anotherRealmFindsNoTemplate() throws IOException {
        made("{\"realm\":\"finance\"}", "schema and realm");
        assertThat(KeycloakTemplate.copyInto(dist, "{\"realm\":\"finance\",\"x\":1}", data.resolve("keycloak"))).isFalse();
    }

    @Test
    void aRebuiltDistributionFindsNoTemplate() throws IOException {
        made("{\"realm\":\"finance\"}", "schema and realm");
        Files.createDirectories(dist.resolve("lib/quarkus"));
        Files.writeString(dist.resolve("lib/quarkus/generated-bytecode.jar"), "rebuilt");
        assertThat(KeycloakTemplate.copyInto(dist, "{\"realm\":\"finance\"}", data.resolve("keycloak"))).isFalse();
    }

    @Test
    void theStacksOwnDatabaseIsKept() throws IOException {
        made("{\"realm\":\"finance\"}", "schema and realm");
        Files.createDirectories(data.resolve("keycloak"));
        Files.writeString(data.resolve("keycloak/keycloakdb.mv.db"), "users of an earlier start");
        assertThat(KeycloakTemplate.copyInto(dist, "{\"realm\":\"finance\"}", data.resolve("keycloak"))).isFalse();
        assertThat(data.resolve("keycloak/keycloakdb.mv.db")).hasContent("users of an earlier start");
    }

    @Test
    void anUnfinishedTemplateIsNotUsed() throws IOException {
        Path template = made("{\"realm\":\"finance\"}", "half written");
        Files.delete(template.resolve("done"));
        assertThat(KeycloakTemplate.copyInto(dist, "{\"realm\":\"finance\"}", data.resolve("keycloak"))).isFalse();
    }

    /** What {@code kc.sh import} leaves, in the directory the template is looked up in. */
    private Path made(String realm, String content) throws IOException {
        Path dir = KeycloakTemplate.directory(dist, realm);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("keycloakdb.mv.db"), content);
        Files.writeString(dir.resolve("done"), "");
        return dir;
    }
}
