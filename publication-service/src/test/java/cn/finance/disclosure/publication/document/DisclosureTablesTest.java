package cn.finance.disclosure.publication.document;

import cn.finance.disclosure.publication.document.DisclosureTable.Row;
import cn.finance.disclosure.publication.document.DisclosureTable.RowKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The standard tables for the seed, checked figure by figure against the facts (万元, two decimals). */
class DisclosureTablesTest {

    private final DisclosureContent seed = SeedFacts.content();

    private DisclosureTable table(DisclosureContent content, String code) {
        return content.findTable(code).orElseThrow(() -> new AssertionError("no table " + code));
    }

    private static Row row(DisclosureTable table, String firstOrSecondCell) {
        return table.rows().stream()
                .filter(r -> r.cells().get(0).equals(firstOrSecondCell) || r.cells().get(1).equals(firstOrSecondCell))
                .findFirst().orElseThrow(() -> new AssertionError(table.code() + " has no row " + firstOrSecondCell));
    }

    private static List<String> amounts(Row row) {
        return row.cells().subList(2, row.cells().size());
    }

    @Test
    void givenTheSeed_thenTheStandardTablesArePublishedInOrder_withoutProcurementWhichIsAllZero() {
        assertThat(seed.tables()).extracting(DisclosureTable::code).containsExactly(
                TableCodes.INCOME_EXPENDITURE_SUMMARY, TableCodes.INCOME_SUMMARY, TableCodes.EXPENDITURE_SUMMARY,
                TableCodes.FISCAL_APPROPRIATION_SUMMARY, TableCodes.GENERAL_BUDGET_EXPENDITURE,
                TableCodes.GENERAL_BUDGET_BASIC_EXPENDITURE, TableCodes.THREE_PUBLIC_EXPENSES,
                TableCodes.GOVERNMENT_FUND_EXPENDITURE, TableCodes.STATE_CAPITAL_EXPENDITURE,
                TableCodes.PROJECT_PERFORMANCE_TARGETS);
        assertThat(seed.tables()).extracting(DisclosureTable::title).containsExactly(
                "部门收支总表", "部门收入总表", "部门支出总表", "财政拨款收支总表", "一般公共预算财政拨款支出表",
                "一般公共预算财政拨款基本支出表", "一般公共预算“三公”经费支出表", "政府性基金预算支出表",
                "国有资本经营预算支出表", "项目支出绩效目标表");
        assertThat(seed.tables()).allSatisfy(t -> assertThat(t.unit()).isEqualTo("万元"));
    }

    @Test
    void givenTheSeed_thenTheIncomeExpenditureSummaryBalancesAt276_62() {
        DisclosureTable t = table(seed, TableCodes.INCOME_EXPENDITURE_SUMMARY);

        assertThat(t.columns()).extracting(DisclosureTable.Column::label).containsExactly("项目", "预算数", "项目", "预算数");
        assertThat(row(t, "一般公共预算拨款").cells()).containsExactly("一般公共预算拨款", "276.62", "一般公共服务支出", "173.11");
        assertThat(row(t, "本年收入合计").cells()).containsExactly("本年收入合计", "276.62", "本年支出合计", "276.62");
        assertThat(row(t, "收入总计").cells()).containsExactly("收入总计", "276.62", "支出总计", "276.62");
        assertThat(t.rows()).extracting(r -> r.cells().get(2)).contains(
                "一般公共服务支出", "教育支出", "社会保障和就业支出", "卫生健康支出", "住房保障支出");
    }

    @Test
    void givenTheSeed_thenTheExpenditureSummaryShowsTheFiveClassesAndTheTotal_withTheirRoundingGap() {
        DisclosureTable t = table(seed, TableCodes.EXPENDITURE_SUMMARY);

        assertThat(t.columns()).extracting(DisclosureTable.Column::label)
                .containsExactly("科目编码", "科目名称", "合计", "基本支出", "项目支出");
        assertThat(t.rows().getFirst().kind()).isEqualTo(RowKind.TOTAL);
        assertThat(amounts(t.rows().getFirst())).containsExactly("276.62", "275.62", "1.00");
        List<Row> classes = t.rows().stream().filter(r -> r.kind() == RowKind.CLASS).toList();
        assertThat(classes).extracting(r -> r.cells().get(0)).containsExactly("201", "205", "208", "210", "221");
        assertThat(classes).extracting(r -> r.cells().get(2))
                .containsExactly("173.11", "0.00", "73.46", "14.28", "15.78");
        // Each class is rounded on its own from exact yuan: together they show 276.63 against the total's 276.62.
        assertThat(classes.stream().map(r -> new BigDecimal(r.cells().get(2))).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("276.63");
    }

    @Test
    void givenTheSeed_thenTheGeneralBudgetExpenditureGoesDownToItems_withSectionNames() {
        DisclosureTable t = table(seed, TableCodes.GENERAL_BUDGET_EXPENDITURE);

        assertThat(t.rows()).extracting(r -> r.kind() + " " + r.cells().get(0) + " " + r.cells().get(1) + " "
                + String.join("/", amounts(r))).containsExactly(
                "TOTAL  合计 276.62/275.62/1.00",
                "CLASS 201 一般公共服务支出 173.11/172.11/1.00",
                "SECTION 20129 群众团体事务 173.11/172.11/1.00",
                "ITEM 2012901 行政运行 172.11/172.11/0.00",
                "ITEM 2012906 工会事务 1.00/0.00/1.00",
                "CLASS 205 教育支出 0.00/0.00/0.00",
                "SECTION 20508 进修及培训 0.00/0.00/0.00",
                "ITEM 2050803 培训支出 0.00/0.00/0.00",
                "CLASS 208 社会保障和就业支出 73.46/73.46/0.00",
                "SECTION 20805 行政事业单位养老支出 73.46/73.46/0.00",
                "ITEM 2080501 行政单位离退休 30.00/30.00/0.00",
                "ITEM 2080505 机关事业单位基本养老保险缴费支出 28.97/28.97/0.00",
                "ITEM 2080506 机关事业单位职业年金缴费支出 14.49/14.49/0.00",
                "CLASS 210 卫生健康支出 14.28/14.28/0.00",
                "SECTION 21011 行政事业单位医疗 14.28/14.28/0.00",
                "ITEM 2101101 行政单位医疗 14.28/14.28/0.00",
                "CLASS 221 住房保障支出 15.78/15.78/0.00",
                "SECTION 22102 住房改革支出 15.78/15.78/0.00",
                "ITEM 2210201 住房公积金 15.78/15.78/0.00");
    }

    @Test
    void givenTheSeed_thenTheIncomeSummaryPutsEverythingUnderTheGeneralPublicBudget() {
        DisclosureTable t = table(seed, TableCodes.INCOME_SUMMARY);

        assertThat(t.columns()).extracting(DisclosureTable.Column::label).containsExactly("科目编码", "科目名称", "合计",
                "上年结转", "一般公共预算拨款", "政府性基金预算拨款", "国有资本经营预算拨款", "财政专户管理资金", "事业收入",
                "事业单位经营收入", "上级补助收入", "附属单位上缴收入", "其他收入");
        assertThat(amounts(t.rows().getFirst()))
                .containsExactly("276.62", "0.00", "276.62", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00");
        assertThat(amounts(row(t, "208")).subList(0, 3)).containsExactly("73.46", "0.00", "73.46");
    }

    @Test
    void givenTheSeed_thenTheFiscalAppropriationSummaryBalances() {
        DisclosureTable t = table(seed, TableCodes.FISCAL_APPROPRIATION_SUMMARY);

        assertThat(t.rows().getFirst().cells())
                .containsExactly("一、本年收入", "276.62", "一、本年支出", "276.62", "276.62", "0.00", "0.00");
        assertThat(t.rows().getLast().cells())
                .containsExactly("收入总计", "276.62", "支出总计", "276.62", "276.62", "0.00", "0.00");
        assertThat(t.rows()).extracting(r -> r.cells().get(2) + " " + r.cells().get(4)).contains(
                "一般公共服务支出 173.11", "教育支出 0.00", "社会保障和就业支出 73.46", "卫生健康支出 14.28", "住房保障支出 15.78");
    }

    @Test
    void givenTheSeed_thenTheBasicExpenditureTableSplitsPersonnel301And303FromPublic302() {
        DisclosureTable t = table(seed, TableCodes.GENERAL_BUDGET_BASIC_EXPENDITURE);

        assertThat(t.columns()).extracting(DisclosureTable.Column::label)
                .containsExactly("经济分类科目编码", "科目名称", "合计", "人员经费", "公用经费");
        assertThat(t.rows()).extracting(r -> String.join(" ", r.cells())).containsExactly(
                " 合计 275.62 234.37 41.25",
                "301 工资福利支出 204.37 204.37 0.00",
                "302 商品和服务支出 41.25 0.00 41.25",
                "303 对个人和家庭的补助 30.00 30.00 0.00");
        assertThat(seed.figures().personnelExpenses()).isEqualTo("2343700.00");
        assertThat(seed.figures().publicExpenses()).isEqualTo("412500.00");
    }

    @Test
    void givenEconomicSections_thenTheyAreShownUnderTheirClass() {
        DisclosureContent content = new DisclosureGenerator().generate(SeedFacts.withBudget(budget -> {
            ArrayNode classes = budget.putArray("basicExpenditureByEconomicClass");
            classes.addObject().put("economicCode", "30101").put("economicName", "基本工资").put("amount", "2043700.00");
            classes.addObject().put("economicCode", "30201").put("economicName", "办公费").put("amount", "400000.00");
            classes.addObject().put("economicCode", "31002").put("economicName", "办公设备购置").put("amount", "12500.00");
            classes.addObject().put("economicCode", "30302").put("economicName", "退休费").put("amount", "300000.00");
        }));

        assertThat(table(content, TableCodes.GENERAL_BUDGET_BASIC_EXPENDITURE).rows())
                .extracting(r -> r.kind() + " " + String.join(" ", r.cells())).containsExactly(
                        "TOTAL  合计 275.62 234.37 41.25",
                        "CLASS 301 工资福利支出 204.37 204.37 0.00",
                        "SECTION 30101 基本工资 204.37 204.37 0.00",
                        "CLASS 302 商品和服务支出 40.00 0.00 40.00",
                        "SECTION 30201 办公费 40.00 0.00 40.00",
                        "CLASS 303 对个人和家庭的补助 30.00 30.00 0.00",
                        "SECTION 30302 退休费 30.00 30.00 0.00",
                        "CLASS 310 资本性支出 1.25 0.00 1.25",
                        "SECTION 31002 办公设备购置 1.25 0.00 1.25");
    }

    @Test
    void givenTheSeed_thenTheThreePublicExpensesTableShowsLastYearAndThisYearAt0_4() {
        DisclosureTable t = table(seed, TableCodes.THREE_PUBLIC_EXPENSES);

        assertThat(t.columns()).extracting(c -> (c.group() == null ? "" : c.group() + "/") + c.label()).containsExactly(
                "项目", "合计", "因公出国（境）费", "公务用车购置及运行费/小计", "公务用车购置及运行费/购置费",
                "公务用车购置及运行费/运行费", "公务接待费");
        assertThat(t.rows()).extracting(Row::cells).containsExactly(
                List.of("2023年预算数", "0.40", "0.00", "0.00", "0.00", "0.00", "0.40"),
                List.of("2024年预算数", "0.40", "0.00", "0.00", "0.00", "0.00", "0.40"));
    }

    @Test
    void givenTheSeed_thenTheGovernmentFundAndStateCapitalTablesAreEmptyWithTheirNotes() {
        DisclosureTable fund = table(seed, TableCodes.GOVERNMENT_FUND_EXPENDITURE);
        DisclosureTable capital = table(seed, TableCodes.STATE_CAPITAL_EXPENDITURE);

        assertThat(fund.rows()).isEmpty();
        assertThat(fund.note()).isEqualTo("本部门无政府性基金预算拨款安排的支出，故本表为空表");
        assertThat(fund.columns()).hasSize(5);
        assertThat(capital.rows()).isEmpty();
        assertThat(capital.note()).isEqualTo("本部门无国有资本经营预算拨款安排的支出，故本表为空表");
        assertThat(seed.tables()).filteredOn(t -> !t.rows().isEmpty()).allSatisfy(t -> assertThat(t.note()).isNull());
    }

    @Test
    void givenTheSeed_thenThePerformanceTargetTableHasTheProjectsThreeTargets() {
        DisclosureTable t = table(seed, TableCodes.PROJECT_PERFORMANCE_TARGETS);

        assertThat(t.rows()).extracting(Row::cells).containsExactly(
                List.of("产业工人队伍建设改革", "重庆市綦江区总工会（本级）", "1.00", "产出指标", "开展产业工人技能培训", "不少于2场"),
                List.of("产业工人队伍建设改革", "重庆市綦江区总工会（本级）", "1.00", "效益指标", "参训职工技能提升", "明显提升"),
                List.of("产业工人队伍建设改革", "重庆市綦江区总工会（本级）", "1.00", "满意度指标", "参训职工满意度", "≥90%"));
    }

    @Test
    void givenGovernmentFundLines_thenTheFundTableListsThemAndHasNoNote() {
        DisclosureContent content = new DisclosureGenerator().generate(withGovernmentFund());
        DisclosureTable fund = table(content, TableCodes.GOVERNMENT_FUND_EXPENDITURE);

        assertThat(fund.note()).isNull();
        assertThat(fund.rows()).extracting(r -> r.cells().get(0) + " " + r.cells().get(1) + " "
                + String.join("/", amounts(r))).containsExactly(
                " 合计 5.00/0.00/5.00",
                "212 城乡社区支出 5.00/0.00/5.00",
                "21208 国有土地使用权出让收入安排的支出 5.00/0.00/5.00",
                "2120801 征地和拆迁补偿支出 5.00/0.00/5.00");
        assertThat(table(content, TableCodes.GENERAL_BUDGET_EXPENDITURE).rows().getFirst().cells().get(2))
                .isEqualTo("276.62");
        assertThat(table(content, TableCodes.EXPENDITURE_SUMMARY).rows().getFirst().cells().get(2)).isEqualTo("281.62");
        assertThat(table(content, TableCodes.FISCAL_APPROPRIATION_SUMMARY).rows().getLast().cells())
                .containsExactly("收入总计", "281.62", "支出总计", "281.62", "276.62", "5.00", "0.00");
        assertThat(content.figures().governmentFundExpenditure()).isEqualTo("50000.00");
    }

    static DisclosureInput withGovernmentFund() {
        return SeedFacts.withBudget(budget -> {
            ((ObjectNode) budget.get("revenue")).put("governmentFundBudgetAppropriation", "50000.00");
            ((ArrayNode) budget.get("expenditureLines")).addObject()
                    .put("functionCode", "2120801").put("functionName", "征地和拆迁补偿支出")
                    .put("fundSource", "GOVERNMENT_FUND_BUDGET").put("basic", "0.00").put("project", "50000.00");
        });
    }

    @Test
    void givenProcurement_thenTheProcurementTableIsPublishedWithTheGeneralBudgetShare() {
        DisclosureContent content = new DisclosureGenerator().generate(SeedFacts.withBudget(budget -> {
            ObjectNode p = (ObjectNode) budget.get("governmentProcurement");
            p.put("goods", "30000.00").put("services", "20000.00");
            p.put("generalPublicBudgetGoods", "30000.00").put("generalPublicBudgetServices", "15000.00");
        }));

        DisclosureTable t = table(content, TableCodes.GOVERNMENT_PROCUREMENT);
        assertThat(t.title()).isEqualTo("政府采购预算表");
        assertThat(t.rows()).extracting(Row::cells).containsExactly(
                List.of("合计", "5.00", "4.50", "0.50"),
                List.of("货物", "3.00", "3.00", "0.00"),
                List.of("工程", "0.00", "0.00", "0.00"),
                List.of("服务", "2.00", "1.50", "0.50"));
        assertThat(content.tables()).extracting(DisclosureTable::code).endsWith(
                TableCodes.GOVERNMENT_PROCUREMENT, TableCodes.PROJECT_PERFORMANCE_TARGETS);
    }

    @Test
    void givenNoProjects_thenThereIsNoPerformanceTargetTable() {
        DisclosureContent content = new DisclosureGenerator().generate(SeedFacts.withBudget(b -> b.putArray("projects")));

        assertThat(content.findTable(TableCodes.PROJECT_PERFORMANCE_TARGETS)).isEmpty();
    }

    @Test
    void givenTheSeed_thenTheHeadlineFiguresAreExactYuan() {
        Figures f = seed.figures();

        assertThat(f.revenueTotal()).isEqualTo("2766200.00");
        assertThat(f.expenditureTotal()).isEqualTo("2766200.00");
        assertThat(f.basicExpenditure()).isEqualTo("2756200.00");
        assertThat(f.projectExpenditure()).isEqualTo("10000.00");
        assertThat(f.threePublicExpenses()).isEqualTo("4000.00");
        assertThat(f.operatingExpenses()).isEqualTo("412500.00");
        assertThat(f.changes().priorFiscalYear()).isEqualTo(2023);
        assertThat(f.changes().revenueTotal()).isEqualTo("-968000.00");
        assertThat(f.changes().expenditureTotal()).isEqualTo("-1128000.00");
        assertThat(f.changes().basicExpenditure()).isEqualTo("-920500.00");
        assertThat(f.changes().projectExpenditure()).isEqualTo("-207500.00");
        assertThat(f.changes().threePublicExpenses()).isEqualTo("0.00");
        assertThat(f.changes().operatingExpenses()).isEqualTo("-143500.00");
        assertThat(seed.fiscalYear()).isEqualTo(2024);
        assertThat(seed.departmentCode()).isEqualTo("405001");
        assertThat(seed.departmentName()).isEqualTo("重庆市綦江区总工会（本级）");
    }

    @Test
    void givenTheSeed_thenEveryAmountCellHasExactlyTwoDecimals() {
        for (DisclosureTable t : seed.tables()) {
            for (Row r : t.rows()) {
                for (int i = 0; i < t.columns().size(); i++) {
                    if (t.columns().get(i).kind() == DisclosureTable.ColumnKind.AMOUNT && !r.cells().get(i).isEmpty()) {
                        assertThat(r.cells().get(i)).as(t.code() + " " + r.cells()).matches("-?\\d+\\.\\d{2}");
                    }
                }
            }
        }
    }
}
