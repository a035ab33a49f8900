package cn.finance.disclosure.publication.document;

import cn.finance.disclosure.events.department.UnitKind;
import cn.finance.disclosure.events.department.UnitLevel;
import cn.finance.disclosure.model.TextAuditor;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Units other than the seed: several fund sources, a 二级单位 事业单位, a prior year given only as totals. */
class UnitsBeyondTheSeedTest {

    private static String section(DisclosureInput input, int index) {
        return String.join("\n", new DisclosureGenerator().generate(input).sections().get(index).paragraphs());
    }

    private static DisclosureInput as(DisclosureInput input, UnitKind kind, UnitLevel level) {
        return new DisclosureInput(input.departmentCode(), input.departmentName(), input.profile(), input.budget(),
                new UnitType(kind, level), input.names());
    }

    /**
     * The unit: the prior year had government-fund money; this year general-budget spending rose while the
     * total fell. Section 三 compares general-budget basic and project with the prior year's general-budget basic and
     * project, so its parts' changes add up to its whole's change.
     */
    static DisclosureInput multiFund() {
        return SeedFacts.withBudget(b -> {
            ArrayNode prior = (ArrayNode) b.get("priorYear").get("expenditure");
            ((ObjectNode) prior.get(0)).put("basic", "2700000.00").put("project", "7000.00");
            prior.addObject().put("fundSource", "GOVERNMENT_FUND_BUDGET").put("basic", "0.00")
                    .put("project", "1187200.00");
            ObjectNode revenue = (ObjectNode) b.get("priorYear").get("revenue");
            revenue.put("generalPublicBudgetAppropriation", "2707000.00")
                    .put("governmentFundBudgetAppropriation", "1187200.00");
        });
    }

    @Test
    void givenAMultiFundUnit_thenSectionThreeComparesLikeWithLikeAndContradictsNothing() {
        DisclosureInput input = multiFund();
        DisclosureContent content = new DisclosureGenerator().generate(input);

        assertThat(section(input, 2)).startsWith("2024年一般公共预算财政拨款收入276.62万元，一般公共预算财政拨款支出276.62万元，"
                + "比2023年增加5.92万元。其中：基本支出275.62万元，比2023年增加5.62万元，主要原因是人员减少，")
                .contains("项目支出1万元，比2023年增加0.3万元，主要原因是项目减少，")
                .contains("2024年政府性基金预算收入0万元，政府性基金预算支出0万元，本部门2024年无使用政府性基金预算拨款安排的支出。");
        assertThat(section(input, 1)).contains("支出预算较2023年减少112.8万元");
        assertThat(DisclosureGenerator.audit(input, content))
                .noneMatch(f -> f.severity() == TextAuditor.Severity.DEFECT);
    }

    @Test
    void givenAPriorYearKnownOnlyAsTotalsOfSeveralFunds_thenNoBasicOrProjectComparisonIsGuessed() {
        DisclosureInput input = SeedFacts.withBudget(b -> {
            ObjectNode prior = (ObjectNode) b.get("priorYear");
            prior.remove("expenditure");
            prior.put("expenditureTotal", "3894200.00").put("basicExpenditure", "3676700.00")
                    .put("projectExpenditure", "217500.00").put("generalPublicBudgetAppropriationExpenditure", "2707000.00")
                    .put("governmentFundExpenditure", "1187200.00");
        });

        String three = section(input, 2);

        assertThat(three).contains("一般公共预算财政拨款支出276.62万元，比2023年增加5.92万元。其中：基本支出275.62万元，主要用于")
                .contains("；项目支出1万元，主要用于");
        assertThat(DisclosureGenerator.audit(input, new DisclosureGenerator().generate(input)))
                .noneMatch(f -> f.severity() == TextAuditor.Severity.DEFECT);
    }

    @Test
    void givenASecondLevelPublicInstitutionWithNoThreePublicExpenses_thenItsOwnTemplate() {
        DisclosureInput input = as(SeedFacts.withBudget(b -> {
            ObjectNode t = (ObjectNode) b.get("threePublicExpenses");
            t.put("officialReception", "0.00");
            ((ObjectNode) b.get("priorYear").get("threePublicExpenses")).put("officialReception", "0.00");
            b.put("operatingExpenses", "0.00");
            ((ObjectNode) b.get("priorYear")).put("operatingExpenses", "0.00");
            b.remove("operatingExpensesUse");
        }), UnitKind.PUBLIC_INSTITUTION, UnitLevel.UNIT);
        DisclosureContent content = new DisclosureGenerator().generate(input);

        assertThat(content.title()).isEqualTo("重庆市綦江区总工会（本级）2024年单位预算情况说明");
        assertThat(content.text()).doesNotContain("所属各预算单位").doesNotContain("本部门")
                .contains("本单位2024年无使用政府性基金预算拨款安排的支出")
                .contains("1. 机关运行经费。本单位为事业单位，不涉及机关运行经费。")
                .contains("2024年“三公”经费预算0万元，与上年持平。")
                .contains("2. 政府采购情况。本单位政府采购预算总额0万元")
                .contains("截止2023年12月，本单位共有车辆0辆")
                .endsWith("单位预算公开联系人：张雪莲        联系方式：17783265987\n");
        assertThat(content.findTable(TableCodes.GOVERNMENT_FUND_EXPENDITURE).orElseThrow().note())
                .startsWith("本单位无政府性基金预算拨款安排的支出");
        assertThat(DisclosureGenerator.audit(input, content))
                .noneMatch(f -> f.severity() == TextAuditor.Severity.DEFECT);
    }
}
