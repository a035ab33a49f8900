package cn.finance.disclosure.publication.document;

import cn.finance.disclosure.events.Yuan;
import cn.finance.disclosure.model.BudgetContent.FundSource;
import cn.finance.disclosure.model.BudgetReading;
import cn.finance.disclosure.model.Change;
import cn.finance.disclosure.model.TextAuditor;

import java.util.List;
import java.util.Optional;

/**
 * Turns an approved budget and the department's profile into the disclosure: the explanation (sections and plain
 * text), the headline figures and the standard tables, all from the one {@link BudgetReading} of the budget. Pure
 * and deterministic: no clock, no I/O, so the same input always gives equal content and the same content hash.
 */
public final class DisclosureGenerator {

    public DisclosureContent generate(DisclosureInput input) {
        return generate(input, BudgetReading.of(input.budget()));
    }

    /**
     * The content and what the text auditor finds in it, from one reading of the budget: the audit checks the text
     * against the very figures it was written from, and a draft does not read the budget twice.
     */
    public Audited generateAudited(DisclosureInput input) {
        BudgetReading f = BudgetReading.of(input.budget());
        DisclosureContent content = generate(input, f);
        return new Audited(content, TextAuditor.audit(content.text(), f));
    }

    /** Generated content with the auditor's findings on it. */
    public record Audited(DisclosureContent content, List<TextAuditor.AuditFinding> audit) {
    }

    private DisclosureContent generate(DisclosureInput input, BudgetReading f) {
        ClassNames names = new ClassNames(input.names());
        ExplanationWriter writer = new ExplanationWriter(input.departmentName(), input.profile(), f, input.unit(), names);
        String title = writer.title();
        List<Section> sections = writer.sections();
        DisclosureContent.Contact contact = writer.contact();
        String text = writer.plainText(title, sections, contact);
        List<DisclosureTable> tables = new TableBuilder(input.departmentName(), f, input.unit(), names).tables();
        return new DisclosureContent(title, f.fiscalYear, input.departmentCode(), input.departmentName(), figures(f),
                sections, contact, text, tables);
    }

    /**
     * What the text auditor finds in content generated from {@code input}: our own document re-read against the
     * budget it states (see {@link TextAuditor} for the rules).
     */
    public static List<TextAuditor.AuditFinding> audit(DisclosureInput input, DisclosureContent content) {
        return TextAuditor.audit(content.text(), BudgetReading.of(input.budget()));
    }

    private static Figures figures(BudgetReading f) {
        FundSource general = FundSource.GENERAL_PUBLIC_BUDGET;
        FundSource fund = FundSource.GOVERNMENT_FUND_BUDGET;
        Figures.Changes changes = f.hasPrior() ? new Figures.Changes(
                f.priorFiscalYear(),
                wire(f.revenueChange().delta()),
                wire(f.expenditureChange().delta()),
                wire(f.expenditureChange(general)),
                wire(f.expenditureChange(fund)),
                wire(f.basicChange().delta()),
                wire(f.projectChange().delta()),
                wire(f.threePublicChange().delta()),
                wire(f.operatingExpensesChange().delta())) : null;
        return new Figures(
                wire(f.revenueTotal()),
                wire(f.expenditureTotal()),
                wire(f.revenueOf(cn.finance.disclosure.model.RevenueSource.GENERAL_PUBLIC_BUDGET)),
                wire(f.expenditureOf(general)),
                wire(f.revenueOf(cn.finance.disclosure.model.RevenueSource.GOVERNMENT_FUND_BUDGET)),
                wire(f.expenditureOf(fund)),
                wire(f.revenueOf(cn.finance.disclosure.model.RevenueSource.STATE_CAPITAL_OPERATING_BUDGET)),
                wire(f.expenditureOf(FundSource.STATE_CAPITAL_OPERATING_BUDGET)),
                wire(f.basicTotal()),
                wire(f.projectTotal()),
                wire(f.personnelExpenses()),
                wire(f.publicExpenses()),
                wire(f.threePublicTotal()),
                wire(f.operatingExpenses),
                wire(f.procurement.total()),
                wire(f.performanceManagedProjectAmount),
                changes);
    }

    private static String wire(Yuan amount) {
        return amount.toWire();
    }

    /** A change the prior year does not state is absent (null), never a guess. */
    private static String wire(Optional<Change> change) {
        return change.map(c -> c.delta().toWire()).orElse(null);
    }
}
