package cn.finance.disclosure.budget.validation;

import cn.finance.disclosure.events.department.UnitKind;

import cn.finance.disclosure.model.BudgetReading;

import cn.finance.disclosure.budget.catalog.ClassificationCatalog;
import cn.finance.disclosure.model.BudgetContent;

import java.util.List;
import java.util.Objects;

/**
 * Validates a budget submission against the rules of DOMAIN.md "Validation findings" and RULES-REFERENCE.md §6 that
 * structured data can check; the rule ids and what each checks are in {@link RuleIds}. Pure and stateless: the same
 * submission and catalog always give the same findings in the same order (errors, then warnings, then information;
 * within a severity in the order the rules run: required fields, codes, balances, 三公, year-over-year, section 五
 * matters and years, texts, rounding).
 *
 * <p>Not checked here because they cannot occur or belong elsewhere: negative amounts and amounts with more than two
 * decimals ({@link cn.finance.disclosure.events.Yuan} refuses them when the request is parsed); wording of the
 * generated text (V06 增加/减少 wording, V13 sections, V14 万元 vs 元 in the text: the generator's tests); publication
 * deadlines (V15: the publication workflow).
 */
public final class BudgetValidator {

    /**
     * @param catalog the classification catalog of the submission's fiscal year
     * @throws IllegalArgumentException when the catalog is of another year than the submission
     */
    public List<Finding> validate(BudgetContent submission, ClassificationCatalog catalog) {
        return validate(submission, catalog, null);
    }

    /**
     * @param kind the department's kind as registered, or null when unknown (validated as an administrative unit's);
     *             V08 (机关运行经费 against basic 302) applies only to kinds that have 机关运行经费
     */
    public List<Finding> validate(BudgetContent submission, ClassificationCatalog catalog, UnitKind kind) {
        Objects.requireNonNull(submission, "submission");
        Objects.requireNonNull(catalog, "catalog");
        if (submission.fiscalYear() != null && submission.fiscalYear() != catalog.fiscalYear()) {
            throw new IllegalArgumentException("catalog of " + catalog.fiscalYear() + " for a budget of "
                    + submission.fiscalYear());
        }
        BudgetReading facts = BudgetReading.of(submission);
        Findings findings = new Findings();
        TextRules.required(facts, findings);
        CodeRules.check(facts, catalog, findings);
        BalanceRules.check(facts, findings);
        ThreePublicRules.check(facts, findings);
        YearOverYearRules.check(facts, findings);
        OtherMattersRules.check(facts, findings, kind == null || kind.hasAgencyOperatingExpenses());
        TextRules.texts(facts, findings);
        ExplanationFigureRules.check(facts, findings);
        RoundingRules.check(facts, catalog, findings);
        return findings.inSeverityOrder();
    }
}
