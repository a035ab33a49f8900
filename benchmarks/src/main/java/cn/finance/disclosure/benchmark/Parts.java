package cn.finance.disclosure.benchmark;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which parts of the benchmark run ({@code --parts start,read-path,latency,district,municipality}, all by default): one part alone
 * is how a change to it is measured before and after in the same minutes. The start-up part always starts the stack;
 * without it in the list, the stack is started once and not measured.
 */
record Parts(Set<String> names) {

    static final List<String> ALL = List.of("start", "read-path", "latency", "district", "municipality");

    static Parts parse(String[] args) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--parts")) {
                Set<String> names = Arrays.stream(args[i + 1].split(",")).map(String::trim)
                        .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
                for (String name : names) {
                    if (!ALL.contains(name)) {
                        throw new IllegalArgumentException("unknown part " + name + " (known: " + ALL + ")");
                    }
                }
                return new Parts(names);
            }
        }
        return new Parts(Set.copyOf(ALL));
    }

    boolean has(String name) {
        return names.contains(name);
    }
}
