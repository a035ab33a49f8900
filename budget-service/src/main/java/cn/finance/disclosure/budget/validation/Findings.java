package cn.finance.disclosure.budget.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects findings in the order the rules run; hands them out errors first, keeping that order within a severity. */
final class Findings {

    private final List<Finding> found = new ArrayList<>();

    void error(String ruleId, String path, String message, Figures figures) {
        add(ruleId, Severity.ERROR, path, message, figures);
    }

    void warning(String ruleId, String path, String message, Figures figures) {
        add(ruleId, Severity.WARNING, path, message, figures);
    }

    void info(String ruleId, String path, String message, Figures figures) {
        add(ruleId, Severity.INFO, path, message, figures);
    }

    void add(String ruleId, Severity severity, String path, String message, Figures figures) {
        found.add(new Finding(ruleId, severity, message, figures.toMap(), path));
    }

    List<Finding> inSeverityOrder() {
        List<Finding> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparing(Finding::severity)); // stable: rule order kept within a severity
        return List.copyOf(sorted);
    }
}
