package cn.finance.disclosure.model;

import cn.finance.disclosure.events.Yuan;
import cn.finance.disclosure.model.BudgetContent.Assets;
import cn.finance.disclosure.model.BudgetContent.ChangeExplanations;
import cn.finance.disclosure.model.BudgetContent.EconomicClassAmount;
import cn.finance.disclosure.model.BudgetContent.ExpenditureLine;
import cn.finance.disclosure.model.BudgetContent.FundExpenditure;
import cn.finance.disclosure.model.BudgetContent.FundSource;
import cn.finance.disclosure.model.BudgetContent.GovernmentProcurement;
import cn.finance.disclosure.model.BudgetContent.PerformanceTarget;
import cn.finance.disclosure.model.BudgetContent.PriorYear;
import cn.finance.disclosure.model.BudgetContent.Project;
import cn.finance.disclosure.model.BudgetContent.Revenue;
import cn.finance.disclosure.model.BudgetContent.ThreePublicExpenses;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The one reading of a budget submission: every figure a rule checks or a document states is computed here and
 * nowhere else (budget-service's validator and publication-service's generator both read budgets through it).
 *
 * <p>Null-safe: a missing section or amount is recorded under its path ({@link #missing()}) and counts as zero, so no
 * caller ever sees null. A line without a fund source counts as general public budget, the usual case for a district
 * unit (validation reports the gap).
 *
 * <p>The economic split is a hierarchy: a 款 listed under its 类 is a breakdown of that 类, never an addition to it
 * ({@link #economicClasses()}).
 */
public final class BudgetReading {

    /** One expenditure line (an item-level function code, one fund source). */
    public record Line(int index, String code, String name, FundSource fundSource, Yuan basic, Yuan project) {
        public Yuan total() {
            return basic.plus(project);
        }

        /** The fund source, general public budget when the line names none. */
        public FundSource fund() {
            return fundSource == null ? FundSource.GENERAL_PUBLIC_BUDGET : fundSource;
        }

        /** The 类 (3 digits) of the code, or the code itself when shorter. */
        public String classCode() {
            String c = code == null ? "" : code.strip();
            return c.length() >= 3 ? c.substring(0, 3) : c;
        }

        /** The 款 (5 digits), or "" for a code shorter than that. */
        public String sectionCode() {
            String c = code == null ? "" : code.strip();
            return c.length() >= 5 ? c.substring(0, 5) : "";
        }

        /** The 项 (7 digits), or "". */
        public String itemCode() {
            String c = code == null ? "" : code.strip();
            return c.length() >= 7 ? c : "";
        }

        public String path(String field) {
            return "expenditureLines[" + index + "]." + field;
        }
    }

    /** One row of basic expenditure by economic class, as listed. */
    public record Economic(int index, String code, String name, Yuan amount) {
        public String path(String field) {
            return "basicExpenditureByEconomicClass[" + index + "]." + field;
        }
    }

    /**
     * An economic 类 with what basic expenditure puts in it: the 类 row if listed, else the sum of its listed 款;
     * {@code breakdown} are the listed 款 (a breakdown, not an addition).
     */
    public record EconomicClass(String code, String listedName, Yuan amount, List<Economic> breakdown) {
        public boolean personnel() {
            return isPersonnel(code);
        }
    }

    public record ProjectFacts(int index, String name, String code, Yuan amount, List<PerformanceTarget> targets) {
        public String path(String field) {
            return "projects[" + index + "]." + field;
        }
    }

    public record Procurement(Yuan goods, Yuan works, Yuan services, Yuan generalGoods, Yuan generalWorks,
                              Yuan generalServices) {
        public Yuan total() {
            return goods.plus(works).plus(services);
        }

        public Yuan generalTotal() {
            return generalGoods.plus(generalWorks).plus(generalServices);
        }
    }

    /** Basic and project expenditure of one fund source. */
    public record Split(Yuan basic, Yuan project) {
        public static final Split ZERO = new Split(Yuan.ZERO, Yuan.ZERO);

        public Yuan total() {
            return basic.plus(project);
        }
    }

    /**
     * The prior year. {@code byFund} is the per-fund basic/project split when known: given in the budget's structure,
     * or derivable from the older totals-only shape when all prior spending was general public budget. It is
     * {@code null} when only totals are known.
     */
    public record Prior(Integer fiscalYear, Map<RevenueSource, Yuan> revenue, Map<FundSource, Split> byFund,
                        Yuan expenditureTotal, Yuan basic, Yuan project, Yuan generalPublicBudgetExpenditure,
                        Yuan governmentFundExpenditure, Map<ThreePublicItem, Yuan> threePublic,
                        Yuan operatingExpenses, boolean structured, String origin) {

        public Yuan revenueTotal() {
            return Yuan.sum(revenue.values());
        }

        public Yuan threePublicTotal() {
            return Yuan.sum(threePublic.values());
        }

        /** The prior year's basic/project of one fund source, when known. */
        public Optional<Split> split(FundSource fund) {
            return byFund == null ? Optional.empty() : Optional.of(byFund.getOrDefault(fund, Split.ZERO));
        }
    }

    public final BudgetContent submission;
    public final Integer fiscalYear;
    public final Map<RevenueSource, Yuan> revenue;
    public final List<Line> lines;
    public final List<Economic> economic;
    public final List<ProjectFacts> projects;
    public final Map<ThreePublicItem, Yuan> threePublic;
    public final Yuan operatingExpenses;
    public final Procurement procurement;
    public final Yuan performanceManagedProjectAmount;
    public final Assets assets;
    public final Prior prior;
    public final ChangeExplanations explanations;

    private final Set<String> missing = new LinkedHashSet<>();

    private BudgetReading(BudgetContent s) {
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

    public static BudgetReading of(BudgetContent submission) {
        return new BudgetReading(submission);
    }

    /** Paths of required values that are absent, in submission order. */
    public Set<String> missing() {
        return Collections.unmodifiableSet(missing);
    }

    /** True when nothing is missing at or below any of {@code paths}. */
    public boolean complete(String... paths) {
        for (String path : paths) {
            for (String gap : missing) {
                if (gap.equals(path) || gap.startsWith(path + ".") || gap.startsWith(path + "[")) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether the budget carries a prior-year comparison at all. */
    public boolean hasPrior() {
        return submission.priorYear() != null;
    }

    /** The prior year's number: as given, else the year before the budget's. */
    public int priorFiscalYear() {
        if (prior.fiscalYear() != null) {
            return prior.fiscalYear();
        }
        return fiscalYear == null ? 0 : fiscalYear - 1;
    }

    // ---- revenue ----

    /** 收入总计: every source including 上年结转. */
    public Yuan revenueTotal() {
        return Yuan.sum(revenue.values());
    }

    /** 本年收入合计: every source but the carry-over. */
    public Yuan currentYearRevenue() {
        return revenueTotal().minus(revenue.get(RevenueSource.PRIOR_YEAR_CARRYOVER));
    }

    public Yuan revenueOf(RevenueSource source) {
        return revenue.get(source);
    }

    // ---- expenditure ----

    /** 支出总计: basic plus project over all lines. */
    public Yuan expenditureTotal() {
        return total(lines);
    }

    public Yuan basicTotal() {
        return sum(lines, Line::basic);
    }

    public Yuan projectTotal() {
        return sum(lines, Line::project);
    }

    public List<Line> linesOf(FundSource fund) {
        return lines.stream().filter(l -> l.fund() == fund).toList();
    }

    public Yuan expenditureOf(FundSource fund) {
        return total(linesOf(fund));
    }

    public Split split(FundSource fund) {
        List<Line> of = linesOf(fund);
        return new Split(sum(of, Line::basic), sum(of, Line::project));
    }

    public static Yuan total(List<Line> lines) {
        return sum(lines, Line::total);
    }

    public static Yuan basic(List<Line> lines) {
        return sum(lines, Line::basic);
    }

    public static Yuan project(List<Line> lines) {
        return sum(lines, Line::project);
    }

    /** Exact yuan per 类 present in {@code lines}, in code order (a class with only a zero line is still present). */
    public static Map<String, Yuan> byClass(List<Line> lines) {
        Map<String, Yuan> classes = new TreeMap<>();
        for (Line line : lines) {
            if (line.classCode().length() == 3) {
                classes.merge(line.classCode(), line.total(), Yuan::plus);
            }
        }
        return classes;
    }

    /**
     * The lines as the function tables show them: 类 → 款 → 项 → lines, each level in code order. Lines of one item
     * code (e.g. from different fund sources) share a leaf.
     */
    public static Map<String, Map<String, Map<String, List<Line>>>> functionTree(List<Line> lines) {
        Map<String, Map<String, Map<String, List<Line>>>> tree = new TreeMap<>();
        for (Line line : lines) {
            tree.computeIfAbsent(line.classCode(), k -> new TreeMap<>())
                    .computeIfAbsent(line.sectionCode(), k -> new TreeMap<>())
                    .computeIfAbsent(line.itemCode(), k -> new ArrayList<>()).add(line);
        }
        return tree;
    }

    // ---- economic classes ----

    /**
     * Economic entries that count towards the basic total: a 款 whose 类 is also listed is a breakdown of that 类,
     * not an addition to it.
     */
    public List<Economic> topLevelEconomic() {
        Set<String> listed = new LinkedHashSet<>();
        economic.forEach(e -> listed.add(e.code()));
        return economic.stream()
                .filter(e -> e.code() == null || e.code().length() != 5 || !listed.contains(e.code().substring(0, 3)))
                .toList();
    }

    /** Basic expenditure by economic 类, in code order; see {@link EconomicClass}. */
    public List<EconomicClass> economicClasses() {
        Map<String, List<Economic>> byClass = new TreeMap<>();
        for (Economic e : economic) {
            if (e.code() == null || e.code().isBlank()) {
                continue;
            }
            String code = e.code().strip();
            byClass.computeIfAbsent(code.length() >= 3 ? code.substring(0, 3) : code, k -> new ArrayList<>()).add(e);
        }
        List<EconomicClass> classes = new ArrayList<>();
        byClass.forEach((code, entries) -> {
            List<Economic> breakdown = entries.stream().filter(e -> !e.code().strip().equals(code))
                    .sorted(java.util.Comparator.comparing(e -> e.code().strip())).toList();
            String name = entries.stream().filter(e -> e.code().strip().equals(code)).map(Economic::name)
                    .filter(n -> n != null && !n.isBlank()).map(String::strip).findFirst().orElse(null);
            classes.add(new EconomicClass(code, name, economicClassAmount(code), breakdown));
        });
        return classes;
    }

    public boolean economicListed(String code) {
        return economic.stream().anyMatch(e -> code.equals(e.code()));
    }

    /** The amount listed under exactly {@code code} (summed if listed twice). */
    public Yuan economicAmount(String code) {
        return sum(economic.stream().filter(e -> code.equals(e.code())).toList(), Economic::amount);
    }

    /** The listed 款 under a 类. */
    public List<Economic> economicChildren(String classCode) {
        return economic.stream()
                .filter(e -> e.code() != null && e.code().length() == 5 && e.code().startsWith(classCode))
                .toList();
    }

    /** What basic expenditure puts in an economic 类: the 类 row if listed, else the sum of its listed 款. */
    public Yuan economicClassAmount(String classCode) {
        return economicListed(classCode)
                ? economicAmount(classCode)
                : sum(economicChildren(classCode), Economic::amount);
    }

    /**
     * Personnel costs (人员经费) are 301 工资福利支出 and 303 对个人和家庭的补助; every other class is public costs (公用经费),
     * since it is not paid to people (实施条例 §5: 基本支出 = 人员经费 + 公用经费).
     */
    public static boolean isPersonnel(String economicCode) {
        return economicCode.startsWith("301") || economicCode.startsWith("303");
    }

    public Yuan personnelExpenses() {
        return Yuan.sum(economicClasses().stream().filter(EconomicClass::personnel).map(EconomicClass::amount).toList());
    }

    public Yuan publicExpenses() {
        return Yuan.sum(economicClasses().stream().filter(c -> !c.personnel()).map(EconomicClass::amount).toList());
    }

    // ---- 三公, projects ----

    public Yuan threePublicTotal() {
        return Yuan.sum(threePublic.values());
    }

    /** Projects that have at least one performance target. */
    public long projectsWithTargets() {
        return projects.stream().filter(p -> !p.targets().isEmpty()).count();
    }

    // ---- changes against the prior year (meaningful when hasPrior()) ----

    public Change revenueChange() {
        return new Change(revenueTotal(), prior.revenueTotal());
    }

    public Change expenditureChange() {
        return new Change(expenditureTotal(), prior.expenditureTotal());
    }

    public Change basicChange() {
        return new Change(basicTotal(), prior.basic());
    }

    public Change projectChange() {
        return new Change(projectTotal(), prior.project());
    }

    /** The change of one fund source's expenditure; empty when the prior year does not say it. */
    public Optional<Change> expenditureChange(FundSource fund) {
        Optional<Yuan> before = priorExpenditureOf(fund);
        return before.map(b -> new Change(expenditureOf(fund), b));
    }

    /** The change of one fund source's basic expenditure; empty when the prior year has no per-fund split. */
    public Optional<Change> basicChange(FundSource fund) {
        return prior.split(fund).map(s -> new Change(split(fund).basic(), s.basic()));
    }

    public Optional<Change> projectChange(FundSource fund) {
        return prior.split(fund).map(s -> new Change(split(fund).project(), s.project()));
    }

    public Change threePublicChange() {
        return new Change(threePublicTotal(), prior.threePublicTotal());
    }

    public Change threePublicChange(ThreePublicItem item) {
        return new Change(threePublic.get(item), prior.threePublic().get(item));
    }

    public Change operatingExpensesChange() {
        return new Change(operatingExpenses, prior.operatingExpenses());
    }

    /** The prior year's expenditure from one fund source, when the prior year says it. */
    public Optional<Yuan> priorExpenditureOf(FundSource fund) {
        if (prior.byFund() != null) {
            return prior.split(fund).map(Split::total);
        }
        return switch (fund) {
            case GENERAL_PUBLIC_BUDGET -> Optional.of(prior.generalPublicBudgetExpenditure());
            case GOVERNMENT_FUND_BUDGET -> Optional.of(prior.governmentFundExpenditure());
            default -> prior.generalPublicBudgetExpenditure().plus(prior.governmentFundExpenditure())
                    .equals(prior.expenditureTotal()) ? Optional.of(Yuan.ZERO) : Optional.empty();
        };
    }

    public static <T> Yuan sum(List<T> items, Function<T, Yuan> amount) {
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
        if (value == null) {
            missing.add(path);
            return Yuan.ZERO;
        }
        return value;
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
                    p.performanceTargets() == null ? List.of()
                            : p.performanceTargets().stream().filter(java.util.Objects::nonNull).toList()));
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
            return new Prior(null, noRevenue, Map.of(), Yuan.ZERO, Yuan.ZERO, Yuan.ZERO, Yuan.ZERO, Yuan.ZERO,
                    noThreePublic, Yuan.ZERO, true, null);
        }
        Integer year = required(p.fiscalYear(), at + ".fiscalYear");
        Map<RevenueSource, Yuan> priorRevenue = revenue(p.revenue(), at + ".revenue");
        Map<ThreePublicItem, Yuan> priorThreePublic = threePublic(p.threePublicExpenses(), at + ".threePublicExpenses");
        Yuan priorOperating = amount(p.operatingExpenses(), at + ".operatingExpenses");
        String origin = p.origin() == null ? null : p.origin().source();
        if (p.expenditure() != null) {
            Map<FundSource, Split> byFund = new LinkedHashMap<>();
            for (int i = 0; i < p.expenditure().size(); i++) {
                FundExpenditure e = p.expenditure().get(i);
                String row = at + ".expenditure[" + i + "]";
                if (e == null) {
                    missing.add(row);
                    continue;
                }
                FundSource fund = e.fundSource() == null ? FundSource.GENERAL_PUBLIC_BUDGET : e.fundSource();
                required(e.fundSource(), row + ".fundSource");
                Split split = new Split(amount(e.basic(), row + ".basic"), amount(e.project(), row + ".project"));
                byFund.merge(fund, split, (a, b) -> new Split(a.basic().plus(b.basic()), a.project().plus(b.project())));
            }
            Yuan basic = Yuan.sum(byFund.values().stream().map(Split::basic).toList());
            Yuan project = Yuan.sum(byFund.values().stream().map(Split::project).toList());
            return new Prior(year, priorRevenue, Collections.unmodifiableMap(byFund), basic.plus(project), basic,
                    project, byFund.getOrDefault(FundSource.GENERAL_PUBLIC_BUDGET, Split.ZERO).total(),
                    byFund.getOrDefault(FundSource.GOVERNMENT_FUND_BUDGET, Split.ZERO).total(), priorThreePublic,
                    priorOperating, true, origin);
        }
        // The older, totals-only shape.
        Yuan total = amount(p.expenditureTotal(), at + ".expenditureTotal");
        Yuan basic = amount(p.basicExpenditure(), at + ".basicExpenditure");
        Yuan project = amount(p.projectExpenditure(), at + ".projectExpenditure");
        Yuan general = amount(p.generalPublicBudgetAppropriationExpenditure(),
                at + ".generalPublicBudgetAppropriationExpenditure");
        Yuan fund = amount(p.governmentFundExpenditure(), at + ".governmentFundExpenditure");
        // Only when all prior spending was general-budget money is its basic/project split known per fund.
        Map<FundSource, Split> byFund = general.equals(total) && fund.isZero() && basic.plus(project).equals(total)
                ? Map.of(FundSource.GENERAL_PUBLIC_BUDGET, new Split(basic, project))
                : null;
        return new Prior(year, priorRevenue, byFund, total, basic, project, general, fund, priorThreePublic,
                priorOperating, false, origin);
    }
}
