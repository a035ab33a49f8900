package cn.finance.disclosure.testing;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The one persistence rule, checked on a service's compiled classes: an aggregate whose document carries an outbox is
 * written only through {@code AggregateStore}. A plain {@code save} writes the outbox back as it was read and publishes
 * relayed events again, so the rule is not a matter of taste.
 */
public final class OutboxWriteRules {

    static final String AGGREGATE = "cn.finance.disclosure.support.outbox.OutboxAggregate";
    static final String STORE = "cn.finance.disclosure.support.outbox.AggregateStore";
    static final String DOCUMENT = "org.springframework.data.mongodb.core.mapping.Document";
    static final String REPOSITORY = "org.springframework.data.repository.Repository";
    static final String MONGO_OPERATIONS = "org.springframework.data.mongodb.core.MongoOperations";
    static final Set<String> WHOLE_DOCUMENT_WRITES = Set.of("save", "insert", "insertAll", "findAndReplace",
            "replace", "bulkOps");

    private OutboxWriteRules() {
    }

    /** Checks every rule on the production classes under {@code basePackage}; throws AssertionError naming each breach. */
    public static void check(String basePackage) {
        JavaClasses imported = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
        for (ArchRule rule : new ArchRule[]{documentsWithAnOutboxAreOutboxAggregates(), theirRepositoriesOnlyRead(),
                theirRepositoriesDeclareNoWrites(), nothingButTheStoreWritesThemWhole()}) {
            rule.check(imported);
        }
    }

    static ArchRule documentsWithAnOutboxAreOutboxAggregates() {
        return classes().that().areAnnotatedWith(DOCUMENT).and(haveAnOutboxField())
                .should().implement(AGGREGATE)
                .because("only an OutboxAggregate can be written through AggregateStore");
    }

    static ArchRule theirRepositoriesOnlyRead() {
        return noClasses().that(areRepositoriesOfAnOutboxAggregate())
                .should().beAssignableTo("org.springframework.data.repository.CrudRepository")
                .orShould().beAssignableTo("org.springframework.data.repository.ListCrudRepository")
                .orShould().beAssignableTo("org.springframework.data.mongodb.repository.MongoRepository")
                .because("their save would write the outbox back as it was read; extend AggregateRepository");
    }

    static ArchRule theirRepositoriesDeclareNoWrites() {
        return methods().that().areDeclaredInClassesThat(areRepositoriesOfAnOutboxAggregate())
                .should().haveNameNotMatching("(save|insert|update|delete|remove).*")
                .because("Spring Data would route such a method to a whole-document write")
                .allowEmptyShould(true); // the usual case: such repositories declare no method of their own
    }

    static ArchRule nothingButTheStoreWritesThemWhole() {
        return noClasses().that(handleAnOutboxAggregate()).and().doNotHaveFullyQualifiedName(STORE)
                .should().callMethodWhere(wholeDocumentWrite())
                .because("an aggregate with an outbox is written through AggregateStore only");
    }

    private static DescribedPredicate<JavaClass> haveAnOutboxField() {
        return DescribedPredicate.describe("have a field named outbox",
                c -> c.getAllFields().stream().anyMatch(f -> f.getName().equals("outbox")));
    }

    private static boolean isOutboxAggregate(JavaType type) {
        JavaClass erasure = type.toErasure();
        return !erasure.isEquivalentTo(Object.class) && erasure.isAssignableTo(AGGREGATE);
    }

    private static DescribedPredicate<JavaClass> areRepositoriesOfAnOutboxAggregate() {
        return DescribedPredicate.describe("are repositories of an outbox aggregate",
                c -> c.isInterface() && c.isAssignableTo(REPOSITORY) && repositoryDomainIsAggregate(c));
    }

    private static boolean repositoryDomainIsAggregate(JavaClass repository) {
        for (JavaType type : repository.getInterfaces()) {
            if (type instanceof JavaParameterizedType parameterized && !parameterized.getActualTypeArguments().isEmpty()
                    && isOutboxAggregate(parameterized.getActualTypeArguments().getFirst())) {
                return true;
            }
        }
        return false;
    }

    private static DescribedPredicate<JavaClass> handleAnOutboxAggregate() {
        return DescribedPredicate.describe("handle an outbox aggregate",
                c -> c.isAssignableTo(AGGREGATE) || c.getDirectDependenciesFromSelf().stream()
                        .anyMatch(d -> !d.getTargetClass().isInterface() && d.getTargetClass().isAssignableTo(AGGREGATE)));
    }

    private static DescribedPredicate<JavaMethodCall> wholeDocumentWrite() {
        return DescribedPredicate.describe("a whole-document write on MongoOperations (" + WHOLE_DOCUMENT_WRITES + ")",
                call -> call.getTarget().getOwner().isAssignableTo(MONGO_OPERATIONS)
                        && WHOLE_DOCUMENT_WRITES.contains(call.getTarget().getName()));
    }
}
