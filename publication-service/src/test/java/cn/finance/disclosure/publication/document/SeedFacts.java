package cn.finance.disclosure.publication.document;

import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.model.BudgetContent;
import cn.finance.disclosure.model.CodeNames;
import cn.finance.disclosure.publication.document.ProfileContent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** The seed's facts (shipped by local-stack on the test classpath) as generator input, and edited variants of them. */
public final class SeedFacts {

    static final String FACTS = "/seed/qijiang-fgu-2024.facts.json";
    static final String GOLDEN = "/seed/000_a2ccf8c857e9041a.txt";
    static final String NAMES = "/catalog/names-2024.json";

    private SeedFacts() {
    }

    public static String resource(String path) {
        try (InputStream in = SeedFacts.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the test classpath (shipped by local-stack)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh, editable copy of the facts. */
    public static ObjectNode facts() {
        return (ObjectNode) EventJson.MAPPER.readTree(resource(FACTS));
    }

    static DisclosureInput input() {
        return input(facts());
    }

    /** The seed's input after {@code edit} changed the facts' {@code budget} object. */
    static DisclosureInput withBudget(Consumer<ObjectNode> edit) {
        ObjectNode facts = facts();
        edit.accept((ObjectNode) facts.get("budget"));
        return input(facts);
    }

    /** The seed's input after {@code edit} changed the facts' {@code department} object. */
    static DisclosureInput withDepartment(Consumer<ObjectNode> edit) {
        ObjectNode facts = facts();
        edit.accept((ObjectNode) facts.get("department"));
        return input(facts);
    }

    static DisclosureInput input(JsonNode facts) {
        JsonNode department = facts.get("department");
        return new DisclosureInput(
                department.get("code").stringValue(),
                department.get("name").stringValue(),
                EventJson.MAPPER.treeToValue(department.get("profile"), ProfileContent.class),
                EventJson.MAPPER.treeToValue(facts.get("budget"), BudgetContent.class),
                UnitType.DEFAULT, names());
    }

    /** The names of the bundled 2024 reference catalog, as a budget.approved.v2 event carries them. */
    public static CodeNames names() {
        return EventJson.MAPPER.readValue(resource(NAMES), CodeNames.class);
    }

    static DisclosureContent content() {
        return new DisclosureGenerator().generate(input());
    }
}
