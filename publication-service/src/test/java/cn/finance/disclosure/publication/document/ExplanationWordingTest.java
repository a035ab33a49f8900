package cn.finance.disclosure.publication.document;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The explanation's wording beyond the seed: the other signs, the optional parts, the department's own words. */
class ExplanationWordingTest {

    private static String text(DisclosureInput input) {
        return new DisclosureGenerator().generate(input).text();
    }

    private static String section(DisclosureInput input, int index) {
        return String.join("\n", new DisclosureGenerator().generate(input).sections().get(index).paragraphs());
    }

    @Test
    void givenHigherThreePublicExpenses_thenEachItemSaysByHowMuchAgainstLastYear() {
        String four = section(SeedFacts.withBudget(b -> {
            ObjectNode t = (ObjectNode) b.get("threePublicExpenses");
            t.put("officialReception", "6000.00").put("vehicleOperationAndMaintenance", "25000.00");
            ObjectNode prior = (ObjectNode) b.get("priorYear").get("threePublicExpenses");
            prior.put("vehicleOperationAndMaintenance", "30000.00");
        }), 3);

        assertThat(four).isEqualTo("2024年“三公”经费预算3.1万元，比上年减少0.3万元。其中：因公出国（境）费用0万元，与上年持平；"
                + "公务接待费0.6万元，比上年增加0.2万元；公务用车运行维护费2.5万元，比上年减少0.5万元；"
                + "公务用车购置费0万元，与上年持平。");
    }

    @Test
    void givenRisingRevenueAndExpenditure_thenTheSentencesSayMoreAndIncrease() {
        String two = section(SeedFacts.withBudget(b -> {
            ObjectNode prior = (ObjectNode) b.get("priorYear");
            ((ObjectNode) prior.get("revenue")).put("generalPublicBudgetAppropriation", "2000000.00");
            ((ObjectNode) prior.get("expenditure").get(0)).put("basic", "1782500.00");
            ObjectNode why = (ObjectNode) b.get("changeExplanations");
            why.put("revenue", "主要是新增人员经费。");
            why.put("expenditure", "新增人员");
        }), 1);

        assertThat(two).contains("收入较2023年多76.62万元，主要是新增人员经费。")
                .contains("支出预算较2023年增加76.62万元，主要是新增人员。");
    }

    @Test
    void givenUnchangedFigures_thenTheySayUnchangedAndGiveNoReason() {
        DisclosureInput input = SeedFacts.withBudget(b -> {
            ObjectNode prior = (ObjectNode) b.get("priorYear");
            ((ObjectNode) prior.get("revenue")).put("generalPublicBudgetAppropriation", "2766200.00");
            ((ObjectNode) prior.get("expenditure").get(0)).put("basic", "2756200.00").put("project", "10000.00");
            prior.put("operatingExpenses", "412500.00");
        });

        assertThat(section(input, 1)).contains("收入与2023年持平。").contains("支出预算与2023年持平。")
                .doesNotContain("主要是");
        assertThat(section(input, 2)).startsWith("2024年一般公共预算财政拨款收入276.62万元，一般公共预算财政拨款支出276.62万元，"
                + "与2023年持平。其中：基本支出275.62万元，与2023年持平，主要用于保障在职人员工资福利及社会保险缴费，"
                + "离休人员离休费，退休人员补助等，保障部门正常运转的各项商品服务支出；项目支出1万元，与2023年持平，"
                + "主要用于产业工人队伍建设改革等工作。");
        assertThat(section(input, 4)).contains("1. 机关运行经费。2024年一般公共预算财政拨款运行经费41.25万元，与上年持平。"
                + "主要用于办公费、");
    }

    @Test
    void givenNoPriorYear_thenNoComparisonIsWritten() {
        DisclosureInput input = SeedFacts.withBudget(b -> b.remove("priorYear"));
        DisclosureContent content = new DisclosureGenerator().generate(input);

        assertThat(content.text()).doesNotContain("2023年减少", "较2023年", "上年", "持平");
        assertThat(content.text()).contains("（一）收入预算：2024年年初预算数276.62万元，其中：一般公共预算拨款276.62万元，"
                + "政府性基金预算拨款0万元，国有资本经营预算收入0万元，事业收入0万元，事业单位经营收入0万元，其他收入0万元。\n");
        assertThat(content.figures().changes()).isNull();
        assertThat(content.findTable(TableCodes.THREE_PUBLIC_EXPENSES).orElseThrow().rows()).hasSize(1);
    }

    @Test
    void givenGovernmentFundSpending_thenTheFundParagraphDescribesIt() {
        String three = section(DisclosureTablesTest.withGovernmentFund(), 2);

        assertThat(three).endsWith("2024年政府性基金预算收入5万元，政府性基金预算支出5万元，比2023年增加5万元。"
                + "其中：基本支出0万元，项目支出5万元。按支出功能分类，城乡社区支出预算5万元。");
        assertThat(three).doesNotContain("无使用政府性基金");
    }

    @Test
    void givenOtherRevenueSources_thenTheyAreNamedWhereTheyAreNotZero() {
        String two = section(SeedFacts.withBudget(b -> {
            ((ObjectNode) b.get("revenue")).put("superiorSubsidyRevenue", "12300.00").put("priorYearCarryover", "5000.00");
        }), 1);

        assertThat(two).startsWith("（一）收入预算：2024年年初预算数278.35万元，其中：一般公共预算拨款276.62万元，政府性基金预算拨款0万元，"
                + "国有资本经营预算收入0万元，事业收入0万元，事业单位经营收入0万元，上级补助收入1.23万元，其他收入0万元，"
                + "上年结转0.5万元。");
    }

    @Test
    void givenProcurementVehiclesAndPartialPerformanceManagement_thenSectionFiveStatesThem() {
        String five = section(SeedFacts.withBudget(b -> {
            ObjectNode p = (ObjectNode) b.get("governmentProcurement");
            p.put("goods", "30000.00").put("works", "100000.00").put("generalPublicBudgetGoods", "30000.00");
            ObjectNode a = (ObjectNode) b.get("assets");
            a.put("asOf", "2023-06").put("vehiclesTotal", 3).put("generalOfficialVehicles", 2)
                    .put("lawEnforcementVehicles", 1).put("plannedVehiclePurchases", 1)
                    .put("plannedGeneralOfficialVehiclePurchases", 1);
            ((ArrayNode) b.get("projects")).addObject().put("name", "第二个项目").put("functionCode", "2012906")
                    .put("amount", "20000.00");
            ((ObjectNode) b.get("expenditureLines").get(1)).put("project", "30000.00");
        }), 4);

        assertThat(five).contains("2. 政府采购情况。所属各预算单位政府采购预算总额13万元：政府采购货物预算3万元、政府采购工程预算10万元、"
                        + "政府采购服务预算0万元；其中一般公共预算拨款政府采购3万元：政府采购货物预算3万元、政府采购工程预算0万元、"
                        + "政府采购服务预算0万元。")
                .contains("3. 绩效目标设置情况。2024年实行绩效目标管理的项目1个，涉及一般公共预算当年财政拨款1万元。")
                .contains("4. 国有资产占有使用情况。截止2023年6月，所属各预算单位共有车辆3辆，其中一般公务用车2辆、执勤执法用车1辆。"
                        + "2024年一般公共预算安排购置车辆1辆，其中一般公务用车1辆、执勤执法用车0辆。");
    }

    @Test
    void givenNoDivisionsAndNoContact_thenTheDocumentStillReadsWell() {
        DisclosureContent content = new DisclosureGenerator().generate(SeedFacts.withDepartment(d -> {
            ObjectNode profile = (ObjectNode) d.get("profile");
            profile.putArray("divisions");
            profile.remove("disclosureContact");
        }));

        assertThat(content.text()).contains("\n重庆市綦江区总工会（本级），未设内设机构。\n")
                .endsWith("部门预算公开联系人：        联系方式：\n");
    }

    @Test
    void givenCatalogNames_thenClassNamesComeFromThemAndAnUnnamedClassIsShownByItsCode() {
        ClassNames names = new ClassNames(SeedFacts.names());
        assertThat(names.functionClass("207")).isEqualTo("文化旅游体育与传媒支出");
        assertThat(names.functionClass("299")).isEqualTo("科目299");
        assertThat(new ClassNames(null).functionClass("201")).isEqualTo("科目201");
        assertThat(new ClassNames(null).function("20129")).isEmpty();
    }

    @Test
    void givenTheDepartmentsOwnWords_thenTheyAreInsertedOnceWithoutDoubledLeadsOrStops() {
        assertThat(Wording.clause("主要用于", "主要用于产业工人队伍建设改革等工作")).isEqualTo("主要用于产业工人队伍建设改革等工作");
        assertThat(Wording.clause("主要用于", "办公费等。")).isEqualTo("主要用于办公费等");
        assertThat(Wording.clause("主要原因是", "  ")).isEmpty();
        assertThat(Wording.clause("主要原因是", null)).isEmpty();
        assertThat(Wording.yearMonth("2023-12", 2023)).isEqualTo("2023年12月");
        assertThat(Wording.yearMonth(null, 2023)).isEqualTo("2023年12月");
    }

    @Test
    void givenTheSeed_thenTheTextHasNoPlaceholdersAndEndsWithTheContact() {
        String text = text(SeedFacts.input());

        assertThat(text).doesNotContain("null", "XX", "××", "待填");
        assertThat(text).contains("本部门2024年无使用政府性基金预算拨款安排的支出。");
    }
}
