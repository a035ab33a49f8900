package cn.finance.disclosure.budget.validation;

import cn.finance.disclosure.budget.catalog.BundledCatalogs;
import cn.finance.disclosure.budget.catalog.ClassificationCatalog;
import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.model.BudgetContent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

/** The seed budget (Qijiang FGU 2024) and small edits of it, made on the JSON tree as a client would send them. */
final class SeedBudgets {

    static final ClassificationCatalog CATALOG_2024 = new BundledCatalogs().find(2024).orElseThrow();

    /** The seed's own findings, as "ruleId@path". */
    static final List<String> SEED_FINDINGS = List.of(
            "V06-REVENUE-EXPENDITURE-DELTA@priorYear",
            "V03-ROUNDING-FUNCTION-CLASSES@expenditureLines");

    private static final JsonNode SEED = load();

    private SeedBudgets() {
    }

    static BudgetContent seed() {
        return edited(tree -> { });
    }

    static BudgetContent edited(Consumer<ObjectNode> edit) {
        ObjectNode tree = (ObjectNode) SEED.deepCopy();
        edit.accept(tree);
        return EventJson.MAPPER.treeToValue(tree, BudgetContent.class);
    }

    static List<Finding> validate(BudgetContent submission) {
        return new BudgetValidator().validate(submission, CATALOG_2024);
    }

    /** Findings of an edited seed, as "ruleId@path". */
    static List<String> keysOf(Consumer<ObjectNode> edit) {
        return keys(validate(edited(edit)));
    }

    static List<String> keys(List<Finding> findings) {
        return findings.stream().map(f -> f.ruleId() + "@" + f.path()).toList();
    }

    /** Findings of an edited seed that the seed itself does not have. */
    static List<Finding> newFindings(Consumer<ObjectNode> edit) {
        return validate(edited(edit)).stream()
                .filter(f -> !SEED_FINDINGS.contains(f.ruleId() + "@" + f.path()))
                .toList();
    }

    static Finding only(List<Finding> findings, String ruleId) {
        List<Finding> matching = findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected one " + ruleId + " in " + keys(findings));
        }
        return matching.get(0);
    }

    /** The object at a dotted path with optional [i] steps: "priorYear.revenue", "expenditureLines[1]". */
    static ObjectNode at(ObjectNode root, String path) {
        JsonNode node = root;
        for (String segment : path.split("\\.")) {
            int bracket = segment.indexOf('[');
            if (bracket < 0) {
                node = node.get(segment);
            } else {
                node = node.get(segment.substring(0, bracket));
                node = ((ArrayNode) node).get(Integer.parseInt(segment.substring(bracket + 1, segment.length() - 1)));
            }
        }
        return (ObjectNode) node;
    }

    static ArrayNode array(ObjectNode root, String path) {
        int dot = path.lastIndexOf('.');
        ObjectNode parent = dot < 0 ? root : at(root, path.substring(0, dot));
        return (ArrayNode) parent.get(path.substring(dot + 1));
    }

    /** Sets the field at the end of a path ("priorYear.revenue.otherRevenue") to a string. */
    static void set(ObjectNode root, String path, String value) {
        parentOf(root, path).put(last(path), value);
    }

    static void set(ObjectNode root, String path, int value) {
        parentOf(root, path).put(last(path), value);
    }

    static void remove(ObjectNode root, String path) {
        parentOf(root, path).remove(last(path));
    }

    static void addEconomic(ObjectNode root, String code, String name, String amount) {
        array(root, "basicExpenditureByEconomicClass").addObject()
                .put("economicCode", code).put("economicName", name).put("amount", amount);
    }

    /** The seed with its one project's money moved into basic expenditure: a budget without project money. */
    static void withoutProjects(ObjectNode root) {
        set(root, "expenditureLines[1].basic", "10000.00");
        set(root, "expenditureLines[1].project", "0.00");
        set(root, "basicExpenditureByEconomicClass[0].amount", "2053700.00");
        array(root, "projects").removeAll();
        set(root, "performanceManagedProjectAmount", "0.00");
    }

    /**
     * The seed's prior year in the older, totals-only shape (expenditure total, basic, project, general-budget and
     * fund totals instead of per-fund basic/project), which submissions may still use.
     */
    static void legacyPrior(ObjectNode root) {
        ObjectNode prior = at(root, "priorYear");
        prior.remove("expenditure");
        prior.put("expenditureTotal", "3894200.00").put("basicExpenditure", "3676700.00")
                .put("projectExpenditure", "217500.00").put("generalPublicBudgetAppropriationExpenditure", "3894200.00")
                .put("governmentFundExpenditure", "0.00");
    }

    private static ObjectNode parentOf(ObjectNode root, String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? root : at(root, path.substring(0, dot));
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static JsonNode load() {
        try (InputStream in = SeedBudgets.class.getResourceAsStream("/seed/qijiang-fgu-2024.facts.json")) {
            return EventJson.MAPPER.readTree(in).get("budget");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
