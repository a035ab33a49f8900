package cn.finance.disclosure.budget.submission;

import cn.finance.disclosure.model.BudgetContent;

import cn.finance.disclosure.budget.validation.Finding;
import cn.finance.disclosure.budget.validation.Severity;

import java.util.List;

/**
 * The findings of one budget version. {@code submittable} says whether validation lets it be submitted (no ERROR);
 * WARNINGs still need an explanation each at submission, and the status must allow submitting.
 */
public record ValidationResponse(String budgetId, long version, String departmentCode, int fiscalYear,
                                 String status, Counts counts, boolean submittable, Catalog catalog,
                                 List<FindingView> findings) {

    public record Counts(long errors, long warnings, long info) {
    }

    /** Where the year's code lists came from: "uploaded" by a bureau-admin or "bundled" with the product. */
    public record Catalog(String function, String economic) {
    }

    static ValidationResponse of(BudgetService.Validation v) {
        Budget b = v.budget();
        List<Finding> f = v.findings();
        Counts counts = new Counts(count(f, Severity.ERROR), count(f, Severity.WARNING), count(f, Severity.INFO));
        return new ValidationResponse(b.id(), b.version() == null ? 0 : b.version(), b.departmentCode(),
                b.fiscalYear(), b.status().name(), counts, counts.errors() == 0,
                new Catalog(v.functionCatalog().source(), v.economicCatalog().source()), FindingView.of(f));
    }

    /** The findings of a body validated without storing it: no id, version or status. */
    static ValidationResponse ofBody(BudgetService.Validation v, BudgetContent body) {
        List<Finding> f = v.findings();
        Counts counts = new Counts(count(f, Severity.ERROR), count(f, Severity.WARNING), count(f, Severity.INFO));
        return new ValidationResponse(null, 0, body.departmentCode(), body.fiscalYear() == null ? 0 : body.fiscalYear(),
                null, counts, counts.errors() == 0,
                new Catalog(v.functionCatalog().source(), v.economicCatalog().source()), FindingView.of(f));
    }

    private static long count(List<Finding> findings, Severity severity) {
        return findings.stream().filter(x -> x.severity() == severity).count();
    }
}
