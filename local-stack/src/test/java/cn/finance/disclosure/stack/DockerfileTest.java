package cn.finance.disclosure.stack;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The image build copies every module's pom first (for its dependency layer): a module added later must be there. */
class DockerfileTest {

    @Test
    void theDockerfileCopiesThePomOfEveryModuleOfTheReactor() throws Exception {
        Path root = StackSettings.findProjectRoot(Path.of("."));
        String pom = Files.readString(root.resolve("pom.xml"));
        String dockerfile = Files.readString(root.resolve("Dockerfile"));
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(pom);
        int modules = 0;
        while (module.find()) {
            modules++;
            assertThat(dockerfile).as(module.group(1)).contains("COPY " + module.group(1) + "/pom.xml ");
        }
        assertThat(modules).isGreaterThan(5);
    }
}
