package cn.finance.disclosure.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A stack can be described before its jars exist (AotCache trains the gateway from the description while a fresh
 * build has not made the portal yet); starting one without them says what to build.
 */
class LocalStackJarsTest {

    @TempDir
    Path root;

    @Test
    void describedWithoutJarsRefusedToStartWithoutThem() {
        LocalStack stack = new LocalStack(StackSettings.forTests(root, root.resolve("work"), false), Replicas.ONE,
                new PrintStream(PrintStream.nullOutputStream()), 0);
        assertThat(stack.process(LocalStack.GATEWAY).command()).contains(root.resolve("gateway/target/gateway.jar").toString());
        assertThatThrownBy(stack::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("is missing");
        stack.close();
    }
}
