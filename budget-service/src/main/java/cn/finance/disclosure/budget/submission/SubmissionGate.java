package cn.finance.disclosure.budget.submission;

import cn.finance.disclosure.budget.validation.Finding;
import cn.finance.disclosure.budget.validation.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides whether validation findings let a budget be submitted: no ERROR, and every WARNING explained by an
 * acknowledgement naming it (rule id + path, or the rule id alone when that rule fires once) with a non-blank
 * explanation. INFO never blocks. An acknowledgement of a
 * finding that is not (or no longer) a WARNING is not kept: the budget changed since the clerk read the findings, or
 * the acknowledgement names the wrong finding, and either way it explains nothing that is there.
 */
public final class SubmissionGate {

    private SubmissionGate() {
    }

    /**
     * @param errors         the ERROR findings (each blocks)
     * @param unacknowledged the WARNING findings without an explanation (each blocks)
     * @param accepted       one acknowledgement per WARNING, in the order of the findings, explanations stripped
     */
    public record Outcome(List<Finding> errors, List<Finding> unacknowledged, List<Acknowledgement> accepted) {

        public boolean passes() {
            return errors.isEmpty() && unacknowledged.isEmpty();
        }
    }

    public static Outcome check(List<Finding> findings, List<Acknowledgement> acknowledgements) {
        Map<String, Acknowledgement> byFinding = new LinkedHashMap<>();
        Map<String, Acknowledgement> byRule = new LinkedHashMap<>();
        for (Acknowledgement a : acknowledgements == null ? List.<Acknowledgement>of() : acknowledgements) {
            if (a != null && a.explanation() != null && !a.explanation().isBlank()) {
                if (a.path() == null || a.path().isBlank()) {
                    byRule.putIfAbsent(a.ruleId(), a);
                } else {
                    byFinding.putIfAbsent(a.findingKey(), a);
                }
            }
        }
        // A rule id alone acknowledges a rule that fires once; a rule firing more than once needs the path too.
        Map<String, Long> warningsPerRule = new LinkedHashMap<>();
        findings.stream().filter(f -> f.severity() == Severity.WARNING)
                .forEach(f -> warningsPerRule.merge(f.ruleId(), 1L, Long::sum));
        List<Finding> errors = new ArrayList<>();
        List<Finding> unacknowledged = new ArrayList<>();
        List<Acknowledgement> accepted = new ArrayList<>();
        for (Finding f : findings) {
            if (f.severity().blocksSubmission()) {
                errors.add(f);
            } else if (f.severity() == Severity.WARNING) {
                Acknowledgement a = byFinding.get(f.ruleId() + "@" + f.path());
                if (a == null && warningsPerRule.get(f.ruleId()) == 1) {
                    a = byRule.get(f.ruleId());
                }
                if (a == null) {
                    unacknowledged.add(f);
                } else {
                    accepted.add(new Acknowledgement(f.ruleId(), f.path(), a.explanation().strip()));
                }
            }
        }
        return new Outcome(List.copyOf(errors), List.copyOf(unacknowledged), List.copyOf(accepted));
    }
}
