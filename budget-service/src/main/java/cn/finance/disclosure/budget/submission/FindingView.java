package cn.finance.disclosure.budget.submission;

import cn.finance.disclosure.budget.validation.Finding;

import java.util.List;
import java.util.Map;

/**
 * A validation finding as clients read it. {@code figures} hold exact yuan as decimal strings ("2766200.00"; a change
 * against the prior year may be negative) and other figures as text (万元 as documents print them, codes, years).
 */
public record FindingView(String ruleId, String severity, String severityLabel, String message, String path,
                          Map<String, Object> figures) {

    static FindingView of(Finding f) {
        return new FindingView(f.ruleId(), f.severity().name(), f.severity().label(), f.message(), f.path(),
                f.figures());
    }

    static List<FindingView> of(List<Finding> findings) {
        return findings.stream().map(FindingView::of).toList();
    }
}
