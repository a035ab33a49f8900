package cn.finance.disclosure.budget.submission;

import cn.finance.disclosure.events.Actor;
import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.model.BudgetContent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** The seed budget (405001, 2024) for domain tests, and people to act on it. */
final class TestBudgets {

    static final String ISSUER = "http://127.0.0.1:8180/realms/finance";
    static final Actor CLERK = new Actor(ISSUER, "sub-clerk", "fgu-clerk");
    static final Actor OTHER_CLERK = new Actor(ISSUER, "sub-clerk-2", "fgu-clerk-2");
    static final Actor REVIEWER = new Actor(ISSUER, "sub-reviewer", "bureau-reviewer");

    private static final JsonNode SEED = load();

    private TestBudgets() {
    }

    static JsonNode seedJson() {
        return SEED.deepCopy();
    }

    static BudgetContent seed() {
        return edited(tree -> { });
    }

    static BudgetContent edited(Consumer<ObjectNode> edit) {
        ObjectNode tree = (ObjectNode) SEED.deepCopy();
        edit.accept(tree);
        return EventJson.MAPPER.treeToValue(tree, BudgetContent.class);
    }

    private static JsonNode load() {
        try (InputStream in = TestBudgets.class.getResourceAsStream("/seed/qijiang-fgu-2024.facts.json")) {
            return EventJson.MAPPER.readTree(in).get("budget");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
