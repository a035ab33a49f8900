package cn.finance.disclosure.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A scratch copy of deploy/k8s, for renders that need files the repository does not hold (or holds broken). */
final class TreeCopy {

    private TreeCopy() {
    }

    static Path of(Path source, Path target) {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The production overlay's Secrets come from git-ignored files; a render here fills them from secrets.example. */
    static Path withExampleSecrets(Path k8s, Path scratch) {
        Path copy = of(k8s, scratch.resolve("k8s"));
        Path production = copy.resolve("overlays/production");
        Path secrets = production.resolve("secrets");
        if (!Files.exists(secrets)) {
            of(production.resolve("secrets.example"), secrets);
        }
        return copy;
    }
}
