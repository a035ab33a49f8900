package cn.finance.disclosure.testing;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * A stored document is not an event payload: no class annotated with Spring Data's {@code @Document}, nor any type
 * its fields or its accessors reach (at any depth), lives in {@code cn.finance.disclosure.events..}, except the
 * shared value types below. Otherwise an event-contract change would be a change of stored documents, and the reverse.
 *
 * <p>Shared on purpose, because they are values with no shape of their own to evolve: {@code Yuan} (exact money, its
 * wire form fixed), {@code Actor} (issuer, subject, user name), and the enums {@code UnitKind} and {@code UnitLevel}.
 */
public final class StoredTypeRules {

    static final String DOCUMENT = "org.springframework.data.mongodb.core.mapping.Document";
    static final String EVENTS = "cn.finance.disclosure.events.";
    static final String PROJECT = "cn.finance.disclosure.";
    public static final Set<String> SHARED_VALUE_TYPES = Set.of(
            "cn.finance.disclosure.events.Yuan",
            "cn.finance.disclosure.events.Actor",
            "cn.finance.disclosure.events.department.UnitKind",
            "cn.finance.disclosure.events.department.UnitLevel");

    private StoredTypeRules() {
    }

    /** Checks the production classes under {@code basePackage}; throws AssertionError naming each path to a payload. */
    public static void check(String basePackage) {
        JavaClasses imported = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
        documentsReachNoEventPayload().check(imported);
    }

    static ArchRule documentsReachNoEventPayload() {
        return classes().that().areAnnotatedWith(DOCUMENT)
                .should(reachNoEventPayload())
                .because("a stored document has its own types; event payloads are mapped to them where events are"
                        + " built or received");
    }

    private static ArchCondition<JavaClass> reachNoEventPayload() {
        return new ArchCondition<>("reach no event payload type through fields or accessors") {
            @Override
            public void check(JavaClass document, ConditionEvents events) {
                Set<String> seen = new HashSet<>();
                Deque<Reached> queue = new ArrayDeque<>();
                queue.add(new Reached(document, document.getSimpleName()));
                seen.add(document.getName());
                while (!queue.isEmpty()) {
                    Reached at = queue.poll();
                    for (JavaField field : at.type().getAllFields()) {
                        if (!field.getModifiers().contains(JavaModifier.STATIC)) {
                            for (JavaClass t : field.getType().getAllInvolvedRawTypes()) {
                                visit(document, at.path() + "." + field.getName(), t, seen, queue, events);
                            }
                        }
                    }
                    for (JavaMethod method : at.type().getMethods()) {
                        if (method.getModifiers().contains(JavaModifier.PUBLIC)
                                && !method.getModifiers().contains(JavaModifier.STATIC)
                                && method.getRawParameterTypes().isEmpty()) {
                            for (JavaClass t : method.getReturnType().getAllInvolvedRawTypes()) {
                                visit(document, at.path() + "." + method.getName() + "()", t, seen, queue, events);
                            }
                        }
                    }
                }
            }
        };
    }

    private static void visit(JavaClass document, String path, JavaClass type, Set<String> seen, Deque<Reached> queue,
                              ConditionEvents events) {
        JavaClass t = type.isArray() ? type.getBaseComponentType() : type;
        String name = t.getName();
        if (name.startsWith(EVENTS)) {
            if (!SHARED_VALUE_TYPES.contains(name)) {
                events.add(SimpleConditionEvent.violated(document,
                        document.getName() + " reaches the event type " + name + " through " + path));
            }
        } else if (name.startsWith(PROJECT) && seen.add(name)) {
            queue.add(new Reached(t, path));
        }
    }

    private record Reached(JavaClass type, String path) {
    }
}
