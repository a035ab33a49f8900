package cn.finance.disclosure.publication;

import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.publication.document.SeedFacts;
import cn.finance.disclosure.events.budget.BudgetSubmission;
import cn.finance.disclosure.events.department.ProfileSnapshot;
import tools.jackson.databind.node.ObjectNode;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/** The seed's facts (shipped by local-stack on the test classpath) as event payloads, and the golden text. */
final class Seed {

    static final String PUBLISHED_SLIP = "本部门2023年无使用政府性基金预算拨款安排的支出";
    static final String GENERATED = "本部门2024年无使用政府性基金预算拨款安排的支出";

    private Seed() {
    }

    static String resource(String path) {
        return SeedFacts.resource(path);
    }

    static ObjectNode facts() {
        return SeedFacts.facts();
    }

    static String name() {
        return facts().get("department").get("name").stringValue();
    }

    static ProfileSnapshot profile() {
        return profile(p -> { });
    }

    static ProfileSnapshot profile(Consumer<ObjectNode> edit) {
        ObjectNode profile = (ObjectNode) facts().get("department").get("profile");
        edit.accept(profile);
        return EventJson.MAPPER.treeToValue(profile, ProfileSnapshot.class);
    }

    static BudgetSubmission budget(String departmentCode) {
        return budget(departmentCode, b -> { });
    }

    static BudgetSubmission budget(String departmentCode, Consumer<ObjectNode> edit) {
        ObjectNode budget = (ObjectNode) facts().get("budget");
        budget.put("departmentCode", departmentCode);
        edit.accept(budget);
        return EventJson.MAPPER.treeToValue(budget, BudgetSubmission.class);
    }

    /** The published document with its one known slip corrected, as the generator writes it. */
    static String goldenText() {
        return resource("/seed/000_a2ccf8c857e9041a.txt").replace(PUBLISHED_SLIP, GENERATED);
    }

    /** The golden test's normalization: lines trimmed, empty ones dropped, runs of spaces collapsed. */
    static List<String> normalize(String text) {
        return Arrays.stream(text.split("\\R"))
                .map(line -> line.replaceAll("[ \\t\\u3000]+", " ").strip())
                .filter(line -> !line.isEmpty())
                .toList();
    }
}
