package cn.finance.disclosure.budget.validation;

import cn.finance.disclosure.events.Yuan;
import cn.finance.disclosure.events.budget.BudgetSubmission;
import cn.finance.disclosure.events.budget.BudgetSubmission.Assets;
import cn.finance.disclosure.events.budget.BudgetSubmission.ChangeExplanations;
import cn.finance.disclosure.events.budget.BudgetSubmission.EconomicClassAmount;
import cn.finance.disclosure.events.budget.BudgetSubmission.ExpenditureLine;
import cn.finance.disclosure.events.budget.BudgetSubmission.FundSource;
import cn.finance.disclosure.events.budget.BudgetSubmission.GovernmentProcurement;
import cn.finance.disclosure.events.budget.BudgetSubmission.PerformanceTarget;
import cn.finance.disclosure.events.budget.BudgetSubmission.PriorYear;
import cn.finance.disclosure.events.budget.BudgetSubmission.Project;
import cn.finance.disclosure.events.budget.BudgetSubmission.Revenue;
import cn.finance.disclosure.events.budget.BudgetSubmission.ThreePublicExpenses;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The submission read once, null-safely: a missing section or amount is recorded under its path (reported as
 * V13-REQUIRED-MISSING) and counts as zero, so rules never see null. Rules that need a section skip themselves when
 * it is incomplete ({@link #complete}), so one gap does not cascade into arithmetic findings.
 *
 * <p>Negative amounts and amounts with more than two decimals cannot arrive here: {@link Yuan} refuses them when the
 * request is parsed, so the validator does not check them again.
 */
final class SubmissionFacts {

    record Line(int index, String code, String name, FundSource fundSource, Yuan basic, Yuan project) {
        Yuan total() {
            return basic.plus(project);
        }

        String path(String field) {
            return "expenditureLines[" + index + "]." + field;
        }
    }

    record Economic(int index, String code, String name, Yuan amount) {
        String path(String field) {
            return "basicExpenditureByEconomicClass[" + index + "]." + field;
        }
    }

    record ProjectFacts(int index, String name, String code, Yuan amount, List<PerformanceTarget> targets) {
        String path(String field) {
            return "projects[" + index + "]." + field;
        }
    }

    record Procurement(Yuan goods, Yuan works, Yuan services, Yuan generalGoods, Yuan generalWorks,
                       Yuan generalServices) {
        Yuan total() {
            return goods.plus(works).plus(services);
        }

        Yuan generalTotal() {
            return generalGoods.plus(generalWorks).plus(generalServices);
        }
    }

    record Prior(Integer fiscalYear, Map<RevenueSource, Yuan> revenue, Yuan expenditureTotal, Yuan basic,
                 Yuan project, Yuan generalPublicBudgetExpenditure, Yuan governmentFundExpenditure,
                 Map<ThreePublicItem, Yuan> threePublic, Yuan operatingExpenses) {
        Yuan revenueTotal() {
            return Yuan.sum(revenue.values());
        }
    }

    final BudgetSubmission submission;
    final Integer fiscalYear;
    final Map<RevenueSource, Yuan> revenue;
    final List<Line> lines;
    final List<Economic> economic;
    final List<ProjectFacts> projects;
    final Map<ThreePublicItem, Yuan> threePublic;
    final Yuan operatingExpenses;
    final Procurement procurement;
    final Yuan performanceManagedProjectAmount;
    final Assets assets;
    final Prior prior;
    final ChangeExplanations explanations;

    private final Set<String> missing = new LinkedHashSet<>();

    private SubmissionFacts(BudgetSubmission s) {
        this.submission = s;
        this.fiscalYear = required(s.fiscalYear(), "fiscalYear");
        this.revenue = revenue(s.revenue(), "revenue");
        this.lines = lines(s.expenditureLines());
        this.economic = economic(s.basicExpenditureByEconomicClass());
        this.projects = projects(s.projects());
        this.threePublic = threePublic(s.threePublicExpenses(), "threePublicExpenses");
        this.operatingExpenses = amount(s.operatingExpenses(), "operatingExpenses");
        this.procurement = procurement(s.governmentProcurement());
        this.performanceManagedProjectAmount =
                amount(s.performanceManagedProjectAmount(), "performanceManagedProjectAmount");
        this.assets = assets(s.assets());
        this.prior = prior(s.priorYear());
        this.explanations = s.changeExplanations() == null
                ? new ChangeExplanations(null, null, null, null, null)
                : s.changeExplanations();
    }

    static SubmissionFacts of(BudgetSubmission submission) {
        return new SubmissionFacts(submission);
    }

    /** Paths of required values that are absent, in submission order. */
    Set<String> missing() {
        return Collections.unmodifiableSet(missing);
    }

    /** True when nothing is missing at or below any of {@code paths}. */
    boolean complete(String... paths) {
        for (String path : paths) {
            for (String gap : missing) {
                if (gap.equals(path) || gap.startsWith(path + ".") || gap.startsWith(path + "[")) {
                    return false;
                }
            }
        }
        return true;
    }

    // ---- totals ----

    /** 收入总计: every source including 上年结转. */
    Yuan revenueTotal() {
        return Yuan.sum(revenue.values());
    }

    /** 支出总计: basic plus project over all lines. */
    Yuan expenditureTotal() {
        return sum(lines, Line::total);
    }

    Yuan basicTotal() {
        return sum(lines, Line::basic);
    }

    Yuan projectTotal() {
        return sum(lines, Line::project);
    }

    Yuan expenditureOf(FundSource fundSource) {
        return sum(lines.stream().filter(l -> l.fundSource() == fundSource).toList(), Line::total);
    }

    Yuan threePublicTotal() {
        return Yuan.sum(threePublic.values());
    }

    /**
     * Economic entries that count towards the basic total: a 款 whose 类 is also listed is a breakdown of that 类,
     * not an addition to it.
     */
    List<Economic> topLevelEconomic() {
        Set<String> listed = new LinkedHashSet<>();
        economic.forEach(e -> listed.add(e.code()));
        return economic.stream()
                .filter(e -> e.code() == null || e.code().length() != 5 || !listed.contains(e.code().substring(0, 3)))
                .toList();
    }

    boolean economicListed(String code) {
        return economic.stream().anyMatch(e -> code.equals(e.code()));
    }

    /** The amount listed under exactly {@code code} (summed if listed twice). */
    Yuan economicAmount(String code) {
        return sum(economic.stream().filter(e -> code.equals(e.code())).toList(), Economic::amount);
    }

    /** The listed 款 under a 类. */
    List<Economic> economicChildren(String classCode) {
        return economic.stream()
                .filter(e -> e.code() != null && e.code().length() == 5 && e.code().startsWith(classCode))
                .toList();
    }

    /** What basic expenditure puts in an economic 类: the 类 row if listed, else the sum of its listed 款. */
    Yuan economicClassAmount(String classCode) {
        return economicListed(classCode)
                ? economicAmount(classCode)
                : sum(economicChildren(classCode), Economic::amount);
    }

    static <T> Yuan sum(List<T> items, Function<T, Yuan> amount) {
        return Yuan.sum(items.stream().map(amount).toList());
    }

    // ---- reading ----

    private <T> T required(T value, String path) {
        if (value == null) {
            missing.add(path);
        }
        return value;
    }

    private Yuan amount(Yuan value, String path) {
        return value == null ? missingAmount(path) : value;
    }

    private Yuan missingAmount(String path) {
        missing.add(path);
        return Yuan.ZERO;
    }

    private Map<RevenueSource, Yuan> revenue(Revenue r, String path) {
        Map<RevenueSource, Yuan> amounts = new EnumMap<>(RevenueSource.class);
        if (r == null) {
            missing.add(path);
        }
        for (RevenueSource source : RevenueSource.values()) {
            amounts.put(source, r == null ? Yuan.ZERO : amount(source.amountIn.apply(r), path + "." + source.field));
        }
        return Collections.unmodifiableMap(amounts);
    }

    private Map<ThreePublicItem, Yuan> threePublic(ThreePublicExpenses t, String path) {
        Map<ThreePublicItem, Yuan> amounts = new EnumMap<>(ThreePublicItem.class);
        if (t == null) {
            missing.add(path);
        }
        for (ThreePublicItem item : ThreePublicItem.values()) {
            amounts.put(item, t == null ? Yuan.ZERO : amount(item.amountIn.apply(t), path + "." + item.field));
        }
        return Collections.unmodifiableMap(amounts);
    }

    private List<Line> lines(List<ExpenditureLine> given) {
        if (given == null || given.isEmpty()) {
            missing.add("expenditureLines");
            return List.of();
        }
        List<Line> result = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            ExpenditureLine l = given.get(i);
            String at = "expenditureLines[" + i + "]";
            if (l == null) {
                missing.add(at);
                continue;
            }
            required(l.functionCode(), at + ".functionCode");
            required(l.fundSource(), at + ".fundSource");
            result.add(new Line(i, l.functionCode(), l.functionName(), l.fundSource(),
                    amount(l.basic(), at + ".basic"), amount(l.project(), at + ".project")));
        }
        return List.copyOf(result);
    }

    private List<Economic> economic(List<EconomicClassAmount> given) {
        if (given == null) {
            missing.add("basicExpenditureByEconomicClass");
            return List.of();
        }
        List<Economic> result = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            EconomicClassAmount e = given.get(i);
            String at = "basicExpenditureByEconomicClass[" + i + "]";
            if (e == null) {
                missing.add(at);
                continue;
            }
            required(e.economicCode(), at + ".economicCode");
            result.add(new Economic(i, e.economicCode(), e.economicName(), amount(e.amount(), at + ".amount")));
        }
        return List.copyOf(result);
    }

    private List<ProjectFacts> projects(List<Project> given) {
        if (given == null) {
            missing.add("projects");
            return List.of();
        }
        List<ProjectFacts> result = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Project p = given.get(i);
            String at = "projects[" + i + "]";
            if (p == null) {
                missing.add(at);
                continue;
            }
            required(p.name(), at + ".name");
            required(p.functionCode(), at + ".functionCode");
            result.add(new ProjectFacts(i, p.name(), p.functionCode(), amount(p.amount(), at + ".amount"),
                    p.performanceTargets() == null ? List.of() : p.performanceTargets()));
        }
        return List.copyOf(result);
    }

    private Procurement procurement(GovernmentProcurement p) {
        String at = "governmentProcurement";
        if (p == null) {
            missing.add(at);
            return new Procurement(Yuan.ZERO, Yuan.ZERO, Yuan.ZERO, Yuan.ZERO, Yuan.ZERO, Yuan.ZERO);
        }
        return new Procurement(amount(p.goods(), at + ".goods"), amount(p.works(), at + ".works"),
                amount(p.services(), at + ".services"),
                amount(p.generalPublicBudgetGoods(), at + ".generalPublicBudgetGoods"),
                amount(p.generalPublicBudgetWorks(), at + ".generalPublicBudgetWorks"),
                amount(p.generalPublicBudgetServices(), at + ".generalPublicBudgetServices"));
    }

    private Assets assets(Assets a) {
        String at = "assets";
        if (a == null) {
            missing.add(at);
            return new Assets(null, 0, 0, 0, 0, 0, 0);
        }
        required(a.asOf(), at + ".asOf");
        return new Assets(a.asOf(),
                count(a.vehiclesTotal(), at + ".vehiclesTotal"),
                count(a.generalOfficialVehicles(), at + ".generalOfficialVehicles"),
                count(a.lawEnforcementVehicles(), at + ".lawEnforcementVehicles"),
                count(a.plannedVehiclePurchases(), at + ".plannedVehiclePurchases"),
                count(a.plannedGeneralOfficialVehiclePurchases(), at + ".plannedGeneralOfficialVehiclePurchases"),
                count(a.plannedLawEnforcementVehiclePurchases(), at + ".plannedLawEnforcementVehiclePurchases"));
    }

    private Integer count(Integer value, String path) {
        if (value == null) {
            missing.add(path);
            return 0;
        }
        return value;
    }

    private Prior prior(PriorYear p) {
        String at = "priorYear";
        if (p == null) {
            missing.add(at);
            Map<RevenueSource, Yuan> noRevenue = new EnumMap<>(RevenueSource.class);
            for (RevenueSource source : RevenueSource.values()) {
                noRevenue.put(source, Yuan.ZERO);
            }
            Map<ThreePublicItem, Yuan> noThreePublic = new EnumMap<>(ThreePublicItem.class);
            for (ThreePublicItem item : ThreePublicItem.values()) {
                noThreePublic.put(item, Yuan.ZERO);
            }
            return new Prior(null, noRevenue, Yuan.ZERO, Yuan.ZERO, Yuan.ZERO, Yuan.ZERO, Yuan.ZERO, noThreePublic,
                    Yuan.ZERO);
        }
        return new Prior(required(p.fiscalYear(), at + ".fiscalYear"),
                revenue(p.revenue(), at + ".revenue"),
                amount(p.expenditureTotal(), at + ".expenditureTotal"),
                amount(p.basicExpenditure(), at + ".basicExpenditure"),
                amount(p.projectExpenditure(), at + ".projectExpenditure"),
                amount(p.generalPublicBudgetAppropriationExpenditure(),
                        at + ".generalPublicBudgetAppropriationExpenditure"),
                amount(p.governmentFundExpenditure(), at + ".governmentFundExpenditure"),
                threePublic(p.threePublicExpenses(), at + ".threePublicExpenses"),
                amount(p.operatingExpenses(), at + ".operatingExpenses"));
    }
}
