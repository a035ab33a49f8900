package cn.finance.disclosure.testing;

import cn.finance.disclosure.events.Yuan;
import cn.finance.disclosure.events.budget.BudgetSubmission;
import cn.finance.disclosure.events.budget.BudgetSubmission.EconomicClassAmount;
import cn.finance.disclosure.events.budget.BudgetSubmission.ExpenditureLine;
import cn.finance.disclosure.events.budget.BudgetSubmission.FundExpenditure;
import cn.finance.disclosure.events.budget.BudgetSubmission.FundSource;
import cn.finance.disclosure.events.budget.BudgetSubmission.Project;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Valid 2024 budgets made at random from a seed, for property tests on both sides (validation in budget-service, the
 * documents in publication-service): random fund sources, function lines (zero lines included), economic splits with
 * 类 rows, 类 given only by their 款, and 款 listed under their 类 as a breakdown, projects, procurement, and a prior
 * year in the budget's structure. Every figure balances as validation requires; the same seed gives the same budget.
 */
public final class RandomBudgets {

    private static final String[][] FUNCTIONS = {
            {"2012901", "行政运行"}, {"2012902", "一般行政管理事务"}, {"2012906", "工会事务"}, {"2050803", "培训支出"},
            {"2080501", "行政单位离退休"}, {"2080505", "机关事业单位基本养老保险缴费支出"},
            {"2080506", "机关事业单位职业年金缴费支出"}, {"2101101", "行政单位医疗"}, {"2210201", "住房公积金"},
            {"2120102", "一般行政管理事务"}, {"2140101", "行政运行"}, {"2130101", "行政运行"}, {"2070101", "行政运行"}};
    private static final FundSource[] FUNDS = {FundSource.GENERAL_PUBLIC_BUDGET, FundSource.GENERAL_PUBLIC_BUDGET,
            FundSource.GENERAL_PUBLIC_BUDGET, FundSource.GOVERNMENT_FUND_BUDGET, FundSource.BUSINESS_REVENUE,
            FundSource.OTHER, FundSource.PRIOR_YEAR_CARRYOVER, FundSource.STATE_CAPITAL_OPERATING_BUDGET};

    private RandomBudgets() {
    }

    public static BudgetSubmission budget(long seed) {
        Random random = new Random(seed);
        List<ExpenditureLine> lines = new ArrayList<>();
        int count = 1 + random.nextInt(8);
        for (int i = 0; i < count; i++) {
            String[] function = FUNCTIONS[random.nextInt(FUNCTIONS.length)];
            FundSource fund = FUNDS[random.nextInt(FUNDS.length)];
            lines.add(new ExpenditureLine(function[0], function[1], fund, amount(random, 3_000_000),
                    random.nextInt(3) == 0 ? amount(random, 800_000) : Yuan.ZERO));
        }
        if (lines.stream().allMatch(l -> l.basic().isZero() && l.project().isZero())) {
            lines.set(0, new ExpenditureLine(lines.get(0).functionCode(), lines.get(0).functionName(),
                    lines.get(0).fundSource(), Yuan.of("1000.00"), Yuan.ZERO));
        }
        Map<FundSource, Yuan> byFund = new EnumMap<>(FundSource.class);
        lines.forEach(l -> byFund.merge(l.fundSource(), l.basic().plus(l.project()), Yuan::plus));
        Yuan basic = Yuan.sum(lines.stream().map(ExpenditureLine::basic).toList());

        // Basic expenditure by economic class: 301, 302 (with its 30201 and 30217 listed beneath as a breakdown),
        // 303, and 310 given by its 款 31002 only.
        long[] split = partition(random, fen(basic), 4);
        Yuan goodsAndServices = Yuan.of(BigDecimal.valueOf(split[1], 2));
        Yuan reception = random.nextBoolean() ? Yuan.of(BigDecimal.valueOf(split[1] / 10, 2)) : Yuan.ZERO;
        Yuan office = Yuan.of(BigDecimal.valueOf(split[1] / 3, 2));
        List<EconomicClassAmount> economic = new ArrayList<>();
        economic.add(new EconomicClassAmount("301", "工资福利支出", Yuan.of(BigDecimal.valueOf(split[0], 2))));
        economic.add(new EconomicClassAmount("302", "商品和服务支出", goodsAndServices));
        if (random.nextBoolean()) {
            economic.add(new EconomicClassAmount("30201", "办公费", office));
        }
        if (!reception.isZero()) {
            economic.add(new EconomicClassAmount("30217", "公务接待费", reception));
        }
        economic.add(new EconomicClassAmount("303", "对个人和家庭的补助", Yuan.of(BigDecimal.valueOf(split[2], 2))));
        if (split[3] > 0) {
            economic.add(new EconomicClassAmount("31002", "办公设备购置", Yuan.of(BigDecimal.valueOf(split[3], 2))));
        } else {
            economic.add(new EconomicClassAmount("310", "资本性支出", Yuan.ZERO)); // a zero class row
        }

        Map<String, Yuan> projectByCode = new LinkedHashMap<>();
        lines.forEach(l -> {
            if (!l.project().isZero()) {
                projectByCode.merge(l.functionCode(), l.project(), Yuan::plus);
            }
        });
        List<Project> projects = new ArrayList<>();
        projectByCode.forEach((code, amount) -> projects.add(new Project("项目" + code, code, amount,
                List.of(new BudgetSubmission.PerformanceTarget("产出指标", "完成工作任务", "100%")))));
        Yuan projectTotal = Yuan.sum(projectByCode.values());

        Yuan goods = random.nextBoolean() ? amount(random, 200_000) : Yuan.ZERO;
        Yuan services = random.nextBoolean() ? amount(random, 200_000) : Yuan.ZERO;

        // The prior year in the same structure: revenue by source equal to each source's spending, so it balances.
        List<FundExpenditure> priorLines = new ArrayList<>();
        BudgetSubmission.Revenue priorRevenue;
        Map<FundSource, Yuan> priorByFund = new EnumMap<>(FundSource.class);
        for (FundSource fund : new FundSource[] {FundSource.GENERAL_PUBLIC_BUDGET, FundSource.GOVERNMENT_FUND_BUDGET,
                FundSource.BUSINESS_REVENUE}) {
            if (fund == FundSource.GENERAL_PUBLIC_BUDGET || random.nextBoolean()) {
                Yuan b = amount(random, 3_000_000);
                Yuan p = random.nextBoolean() ? amount(random, 500_000) : Yuan.ZERO;
                priorLines.add(new FundExpenditure(fund, b, p));
                priorByFund.put(fund, b.plus(p));
            }
        }
        priorRevenue = revenue(priorByFund);
        Yuan priorReception = reception.plus(amount(random, 5_000));

        return new BudgetSubmission("405001", 2024, revenue(byFund), lines, economic,
                "保障机构正常运转的人员经费和公用经费", projects, projects.isEmpty() ? null : "完成年度重点工作任务",
                new BudgetSubmission.ThreePublicExpenses(Yuan.ZERO, reception, Yuan.ZERO, Yuan.ZERO),
                goodsAndServices, "办公费、差旅费等商品和服务支出",
                new BudgetSubmission.GovernmentProcurement(goods, Yuan.ZERO, services, goods, Yuan.ZERO, Yuan.ZERO),
                projectTotal,
                new BudgetSubmission.Assets("2023-12", 0, 0, 0, 0, 0, 0),
                new BudgetSubmission.PriorYear(2023, priorRevenue, priorLines, null, null, null, null, null,
                        new BudgetSubmission.ThreePublicExpenses(Yuan.ZERO, priorReception, Yuan.ZERO, Yuan.ZERO),
                        amount(random, 600_000), new BudgetSubmission.PriorYearOrigin("ENTERED", null, null)),
                new BudgetSubmission.ChangeExplanations("人员和工作任务调整", "人员和工作任务调整", "人员调整", "项目调整",
                        "压减一般性支出"));
    }

    private static BudgetSubmission.Revenue revenue(Map<FundSource, Yuan> byFund) {
        java.util.function.Function<FundSource, Yuan> of = f -> byFund.getOrDefault(f, Yuan.ZERO);
        return new BudgetSubmission.Revenue(of.apply(FundSource.GENERAL_PUBLIC_BUDGET),
                of.apply(FundSource.GOVERNMENT_FUND_BUDGET), of.apply(FundSource.STATE_CAPITAL_OPERATING_BUDGET),
                of.apply(FundSource.FISCAL_SPECIAL_ACCOUNT), of.apply(FundSource.BUSINESS_REVENUE),
                of.apply(FundSource.PUBLIC_INSTITUTION_OPERATING_REVENUE), of.apply(FundSource.SUPERIOR_SUBSIDY),
                of.apply(FundSource.SUBORDINATE_UNIT_REMITTANCE), of.apply(FundSource.OTHER),
                of.apply(FundSource.PRIOR_YEAR_CARRYOVER));
    }

    /** 0 one time in five, otherwise up to {@code maxYuan} with fen. */
    private static Yuan amount(Random random, long maxYuan) {
        if (random.nextInt(5) == 0) {
            return Yuan.ZERO;
        }
        return Yuan.of(BigDecimal.valueOf((long) (random.nextDouble() * maxYuan * 100), 2));
    }

    private static long fen(Yuan amount) {
        return amount.amount().movePointRight(2).longValueExact();
    }

    /** {@code total} fen split into {@code parts} non-negative parts. */
    private static long[] partition(Random random, long total, int parts) {
        long[] out = new long[parts];
        long left = total;
        for (int i = 0; i < parts - 1; i++) {
            out[i] = left == 0 ? 0 : (long) (random.nextDouble() * left);
            left -= out[i];
        }
        out[parts - 1] = left;
        return out;
    }
}
