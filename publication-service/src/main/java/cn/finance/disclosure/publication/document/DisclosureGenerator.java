package cn.finance.disclosure.publication.document;

import cn.finance.disclosure.events.Yuan;
import cn.finance.disclosure.events.budget.BudgetSubmission.FundSource;

import java.util.List;

import static cn.finance.disclosure.publication.document.Amounts.nz;

/**
 * Turns an approved budget and the department's profile into the disclosure: the explanation (sections and plain
 * text), the headline figures and the standard tables. Pure and deterministic: no clock, no I/O, so the same input
 * always gives equal content and the same content hash.
 */
public final class DisclosureGenerator {

    public DisclosureContent generate(DisclosureInput input) {
        BudgetFigures f = new BudgetFigures(input.budget());
        ExplanationWriter writer = new ExplanationWriter(input.departmentName(), input.profile(), f);
        String title = writer.title();
        List<Section> sections = writer.sections();
        DisclosureContent.Contact contact = writer.contact();
        String text = ExplanationWriter.plainText(title, sections, contact);
        List<DisclosureTable> tables = new TableBuilder(input.departmentName(), f).tables();
        return new DisclosureContent(title, f.year, input.departmentCode(), input.departmentName(), figures(f),
                sections, contact, text, tables);
    }

    private static Figures figures(BudgetFigures f) {
        var gpbLines = f.generalPublicBudgetLines();
        Yuan gpbExpenditure = BudgetFigures.total(gpbLines);
        Yuan fundExpenditure = BudgetFigures.total(f.linesOf(FundSource.GOVERNMENT_FUND_BUDGET));
        Yuan basic = BudgetFigures.basic(f.lines);
        Yuan project = BudgetFigures.project(f.lines);
        Yuan threePublic = BudgetFigures.total(f.threePublicExpenses());
        Yuan operating = nz(f.budget.operatingExpenses());
        Figures.Changes changes = f.prior().map(p -> new Figures.Changes(
                f.priorYear(),
                wire(f.revenueTotal().minus(BudgetFigures.totalRevenue(
                        p.revenue() == null ? BudgetFigures.emptyRevenue() : p.revenue()))),
                wire(f.expenditureTotal().minus(nz(p.expenditureTotal()))),
                wire(gpbExpenditure.minus(nz(p.generalPublicBudgetAppropriationExpenditure()))),
                wire(fundExpenditure.minus(nz(p.governmentFundExpenditure()))),
                wire(basic.minus(nz(p.basicExpenditure()))),
                wire(project.minus(nz(p.projectExpenditure()))),
                wire(threePublic.minus(BudgetFigures.total(p.threePublicExpenses()))),
                wire(operating.minus(nz(p.operatingExpenses()))))).orElse(null);
        var r = f.revenue;
        return new Figures(
                wire(f.revenueTotal()),
                wire(f.expenditureTotal()),
                wire(nz(r.generalPublicBudgetAppropriation())),
                wire(gpbExpenditure),
                wire(nz(r.governmentFundBudgetAppropriation())),
                wire(fundExpenditure),
                wire(nz(r.stateCapitalOperatingBudgetAppropriation())),
                wire(BudgetFigures.total(f.linesOf(FundSource.STATE_CAPITAL_OPERATING_BUDGET))),
                wire(basic),
                wire(project),
                wire(f.personnelExpenses()),
                wire(f.publicExpenses()),
                wire(threePublic),
                wire(operating),
                wire(f.procurementTotal()),
                wire(nz(f.budget.performanceManagedProjectAmount())),
                changes);
    }

    private static String wire(Yuan amount) {
        return amount.toWire();
    }
}
