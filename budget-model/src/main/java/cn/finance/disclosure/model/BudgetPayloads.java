package cn.finance.disclosure.model;

import cn.finance.disclosure.events.budget.BudgetSubmission;
import cn.finance.disclosure.events.budget.ClassificationNames;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The one mapping between a budget's content ({@link BudgetContent}, what services store and read) and the snapshot
 * that {@code budget.approved} events carry ({@link BudgetSubmission}), member by member and written out by hand, so
 * a change on either side is a visible change here (the enums are switched over exhaustively: a new constant on one
 * side does not compile until it is mapped). Null-safe throughout: a missing section stays missing. The catalog names
 * that {@code budget.approved.v2} carries beside the budget map to {@link CodeNames} here too.
 */
public final class BudgetPayloads {

    private BudgetPayloads() {
    }

    // ---- content → payload (where an event is built) ----

    public static BudgetSubmission toPayload(BudgetContent c) {
        if (c == null) {
            return null;
        }
        return new BudgetSubmission(c.departmentCode(), c.fiscalYear(), toPayload(c.revenue()),
                list(c.expenditureLines(), BudgetPayloads::toPayload),
                list(c.basicExpenditureByEconomicClass(), BudgetPayloads::toPayload), c.basicExpenditureUse(),
                list(c.projects(), BudgetPayloads::toPayload), c.projectExpenditureUse(),
                toPayload(c.threePublicExpenses()), c.operatingExpenses(), c.operatingExpensesUse(),
                toPayload(c.governmentProcurement()), c.performanceManagedProjectAmount(), toPayload(c.assets()),
                toPayload(c.priorYear()), toPayload(c.changeExplanations()));
    }

    static BudgetSubmission.Revenue toPayload(BudgetContent.Revenue r) {
        return r == null ? null : new BudgetSubmission.Revenue(r.generalPublicBudgetAppropriation(),
                r.governmentFundBudgetAppropriation(), r.stateCapitalOperatingBudgetAppropriation(),
                r.fiscalSpecialAccountFunds(), r.businessRevenue(), r.publicInstitutionOperatingRevenue(),
                r.superiorSubsidyRevenue(), r.subordinateUnitRemittance(), r.otherRevenue(), r.priorYearCarryover());
    }

    public static BudgetSubmission.FundSource toPayload(BudgetContent.FundSource f) {
        return f == null ? null : switch (f) {
            case GENERAL_PUBLIC_BUDGET -> BudgetSubmission.FundSource.GENERAL_PUBLIC_BUDGET;
            case GOVERNMENT_FUND_BUDGET -> BudgetSubmission.FundSource.GOVERNMENT_FUND_BUDGET;
            case STATE_CAPITAL_OPERATING_BUDGET -> BudgetSubmission.FundSource.STATE_CAPITAL_OPERATING_BUDGET;
            case FISCAL_SPECIAL_ACCOUNT -> BudgetSubmission.FundSource.FISCAL_SPECIAL_ACCOUNT;
            case BUSINESS_REVENUE -> BudgetSubmission.FundSource.BUSINESS_REVENUE;
            case PUBLIC_INSTITUTION_OPERATING_REVENUE ->
                    BudgetSubmission.FundSource.PUBLIC_INSTITUTION_OPERATING_REVENUE;
            case SUPERIOR_SUBSIDY -> BudgetSubmission.FundSource.SUPERIOR_SUBSIDY;
            case SUBORDINATE_UNIT_REMITTANCE -> BudgetSubmission.FundSource.SUBORDINATE_UNIT_REMITTANCE;
            case OTHER -> BudgetSubmission.FundSource.OTHER;
            case PRIOR_YEAR_CARRYOVER -> BudgetSubmission.FundSource.PRIOR_YEAR_CARRYOVER;
        };
    }

    static BudgetSubmission.ExpenditureLine toPayload(BudgetContent.ExpenditureLine l) {
        return l == null ? null : new BudgetSubmission.ExpenditureLine(l.functionCode(), l.functionName(),
                toPayload(l.fundSource()), l.basic(), l.project());
    }

    static BudgetSubmission.EconomicClassAmount toPayload(BudgetContent.EconomicClassAmount e) {
        return e == null ? null : new BudgetSubmission.EconomicClassAmount(e.economicCode(), e.economicName(),
                e.amount());
    }

    static BudgetSubmission.Project toPayload(BudgetContent.Project p) {
        return p == null ? null : new BudgetSubmission.Project(p.name(), p.functionCode(), p.amount(),
                list(p.performanceTargets(), BudgetPayloads::toPayload));
    }

    static BudgetSubmission.PerformanceTarget toPayload(BudgetContent.PerformanceTarget t) {
        return t == null ? null : new BudgetSubmission.PerformanceTarget(t.category(), t.indicator(), t.target());
    }

    static BudgetSubmission.ThreePublicExpenses toPayload(BudgetContent.ThreePublicExpenses t) {
        return t == null ? null : new BudgetSubmission.ThreePublicExpenses(t.outboundTravel(), t.officialReception(),
                t.vehiclePurchase(), t.vehicleOperationAndMaintenance());
    }

    static BudgetSubmission.GovernmentProcurement toPayload(BudgetContent.GovernmentProcurement g) {
        return g == null ? null : new BudgetSubmission.GovernmentProcurement(g.goods(), g.works(), g.services(),
                g.generalPublicBudgetGoods(), g.generalPublicBudgetWorks(), g.generalPublicBudgetServices());
    }

    static BudgetSubmission.Assets toPayload(BudgetContent.Assets a) {
        return a == null ? null : new BudgetSubmission.Assets(a.asOf(), a.vehiclesTotal(),
                a.generalOfficialVehicles(), a.lawEnforcementVehicles(), a.plannedVehiclePurchases(),
                a.plannedGeneralOfficialVehiclePurchases(), a.plannedLawEnforcementVehiclePurchases());
    }

    static BudgetSubmission.PriorYear toPayload(BudgetContent.PriorYear p) {
        return p == null ? null : new BudgetSubmission.PriorYear(p.fiscalYear(), toPayload(p.revenue()),
                list(p.expenditure(), BudgetPayloads::toPayload), p.expenditureTotal(), p.basicExpenditure(),
                p.projectExpenditure(), p.generalPublicBudgetAppropriationExpenditure(),
                p.governmentFundExpenditure(), toPayload(p.threePublicExpenses()), p.operatingExpenses(),
                toPayload(p.origin()));
    }

    static BudgetSubmission.FundExpenditure toPayload(BudgetContent.FundExpenditure f) {
        return f == null ? null : new BudgetSubmission.FundExpenditure(toPayload(f.fundSource()), f.basic(),
                f.project());
    }

    static BudgetSubmission.PriorYearOrigin toPayload(BudgetContent.PriorYearOrigin o) {
        return o == null ? null : new BudgetSubmission.PriorYearOrigin(o.source(), o.budgetId(), o.revision());
    }

    static BudgetSubmission.ChangeExplanations toPayload(BudgetContent.ChangeExplanations e) {
        return e == null ? null : new BudgetSubmission.ChangeExplanations(e.revenue(), e.expenditure(),
                e.basicExpenditure(), e.projectExpenditure(), e.operatingExpenses());
    }

    // ---- payload → content (where an event is received) ----

    public static BudgetContent toContent(BudgetSubmission s) {
        if (s == null) {
            return null;
        }
        return new BudgetContent(s.departmentCode(), s.fiscalYear(), toContent(s.revenue()),
                list(s.expenditureLines(), BudgetPayloads::toContent),
                list(s.basicExpenditureByEconomicClass(), BudgetPayloads::toContent), s.basicExpenditureUse(),
                list(s.projects(), BudgetPayloads::toContent), s.projectExpenditureUse(),
                toContent(s.threePublicExpenses()), s.operatingExpenses(), s.operatingExpensesUse(),
                toContent(s.governmentProcurement()), s.performanceManagedProjectAmount(), toContent(s.assets()),
                toContent(s.priorYear()), toContent(s.changeExplanations()));
    }

    static BudgetContent.Revenue toContent(BudgetSubmission.Revenue r) {
        return r == null ? null : new BudgetContent.Revenue(r.generalPublicBudgetAppropriation(),
                r.governmentFundBudgetAppropriation(), r.stateCapitalOperatingBudgetAppropriation(),
                r.fiscalSpecialAccountFunds(), r.businessRevenue(), r.publicInstitutionOperatingRevenue(),
                r.superiorSubsidyRevenue(), r.subordinateUnitRemittance(), r.otherRevenue(), r.priorYearCarryover());
    }

    public static BudgetContent.FundSource toContent(BudgetSubmission.FundSource f) {
        return f == null ? null : switch (f) {
            case GENERAL_PUBLIC_BUDGET -> BudgetContent.FundSource.GENERAL_PUBLIC_BUDGET;
            case GOVERNMENT_FUND_BUDGET -> BudgetContent.FundSource.GOVERNMENT_FUND_BUDGET;
            case STATE_CAPITAL_OPERATING_BUDGET -> BudgetContent.FundSource.STATE_CAPITAL_OPERATING_BUDGET;
            case FISCAL_SPECIAL_ACCOUNT -> BudgetContent.FundSource.FISCAL_SPECIAL_ACCOUNT;
            case BUSINESS_REVENUE -> BudgetContent.FundSource.BUSINESS_REVENUE;
            case PUBLIC_INSTITUTION_OPERATING_REVENUE -> BudgetContent.FundSource.PUBLIC_INSTITUTION_OPERATING_REVENUE;
            case SUPERIOR_SUBSIDY -> BudgetContent.FundSource.SUPERIOR_SUBSIDY;
            case SUBORDINATE_UNIT_REMITTANCE -> BudgetContent.FundSource.SUBORDINATE_UNIT_REMITTANCE;
            case OTHER -> BudgetContent.FundSource.OTHER;
            case PRIOR_YEAR_CARRYOVER -> BudgetContent.FundSource.PRIOR_YEAR_CARRYOVER;
        };
    }

    static BudgetContent.ExpenditureLine toContent(BudgetSubmission.ExpenditureLine l) {
        return l == null ? null : new BudgetContent.ExpenditureLine(l.functionCode(), l.functionName(),
                toContent(l.fundSource()), l.basic(), l.project());
    }

    static BudgetContent.EconomicClassAmount toContent(BudgetSubmission.EconomicClassAmount e) {
        return e == null ? null : new BudgetContent.EconomicClassAmount(e.economicCode(), e.economicName(),
                e.amount());
    }

    static BudgetContent.Project toContent(BudgetSubmission.Project p) {
        return p == null ? null : new BudgetContent.Project(p.name(), p.functionCode(), p.amount(),
                list(p.performanceTargets(), BudgetPayloads::toContent));
    }

    static BudgetContent.PerformanceTarget toContent(BudgetSubmission.PerformanceTarget t) {
        return t == null ? null : new BudgetContent.PerformanceTarget(t.category(), t.indicator(), t.target());
    }

    static BudgetContent.ThreePublicExpenses toContent(BudgetSubmission.ThreePublicExpenses t) {
        return t == null ? null : new BudgetContent.ThreePublicExpenses(t.outboundTravel(), t.officialReception(),
                t.vehiclePurchase(), t.vehicleOperationAndMaintenance());
    }

    static BudgetContent.GovernmentProcurement toContent(BudgetSubmission.GovernmentProcurement g) {
        return g == null ? null : new BudgetContent.GovernmentProcurement(g.goods(), g.works(), g.services(),
                g.generalPublicBudgetGoods(), g.generalPublicBudgetWorks(), g.generalPublicBudgetServices());
    }

    static BudgetContent.Assets toContent(BudgetSubmission.Assets a) {
        return a == null ? null : new BudgetContent.Assets(a.asOf(), a.vehiclesTotal(), a.generalOfficialVehicles(),
                a.lawEnforcementVehicles(), a.plannedVehiclePurchases(), a.plannedGeneralOfficialVehiclePurchases(),
                a.plannedLawEnforcementVehiclePurchases());
    }

    static BudgetContent.PriorYear toContent(BudgetSubmission.PriorYear p) {
        return p == null ? null : new BudgetContent.PriorYear(p.fiscalYear(), toContent(p.revenue()),
                list(p.expenditure(), BudgetPayloads::toContent), p.expenditureTotal(), p.basicExpenditure(),
                p.projectExpenditure(), p.generalPublicBudgetAppropriationExpenditure(),
                p.governmentFundExpenditure(), toContent(p.threePublicExpenses()), p.operatingExpenses(),
                toContent(p.origin()));
    }

    static BudgetContent.FundExpenditure toContent(BudgetSubmission.FundExpenditure f) {
        return f == null ? null : new BudgetContent.FundExpenditure(toContent(f.fundSource()), f.basic(),
                f.project());
    }

    static BudgetContent.PriorYearOrigin toContent(BudgetSubmission.PriorYearOrigin o) {
        return o == null ? null : new BudgetContent.PriorYearOrigin(o.source(), o.budgetId(), o.revision());
    }

    static BudgetContent.ChangeExplanations toContent(BudgetSubmission.ChangeExplanations e) {
        return e == null ? null : new BudgetContent.ChangeExplanations(e.revenue(), e.expenditure(),
                e.basicExpenditure(), e.projectExpenditure(), e.operatingExpenses());
    }

    // ---- the catalog names budget.approved.v2 carries ----

    public static ClassificationNames toPayload(CodeNames n) {
        return n == null ? null : new ClassificationNames(n.fiscalYear(), n.functionList(), n.economicList(),
                n.function(), n.economic());
    }

    public static CodeNames toContent(ClassificationNames n) {
        return n == null ? null : new CodeNames(n.fiscalYear(), n.functionList(), n.economicList(), n.function(),
                n.economic());
    }

    /** Maps a list element by element, keeping its order and any null element; a missing list stays missing. */
    private static <A, B> List<B> list(List<A> from, Function<A, B> map) {
        if (from == null) {
            return null;
        }
        List<B> to = new ArrayList<>(from.size());
        from.forEach(a -> to.add(a == null ? null : map.apply(a)));
        return to;
    }
}
