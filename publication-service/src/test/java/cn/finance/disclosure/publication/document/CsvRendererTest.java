package cn.finance.disclosure.publication.document;

import cn.finance.disclosure.publication.document.DisclosureTable.Column;
import cn.finance.disclosure.publication.document.DisclosureTable.Row;
import cn.finance.disclosure.publication.document.DisclosureTable.RowKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvRendererTest {

    private final CsvRenderer csv = new CsvRenderer();

    @Test
    void givenATable_whenRendered_thenItIsUtf8WithBomCrlfAndAHeaderWithUnits() {
        DisclosureTable table = SeedFacts.content().findTable(TableCodes.GENERAL_BUDGET_BASIC_EXPENDITURE).orElseThrow();

        byte[] bytes = csv.render(table);

        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8)).isEqualTo(
                "经济分类科目编码,科目名称,合计（万元）,人员经费（万元）,公用经费（万元）\r\n"
                        + ",合计,275.62,234.37,41.25\r\n"
                        + "301,工资福利支出,204.37,204.37,0.00\r\n"
                        + "302,商品和服务支出,41.25,0.00,41.25\r\n"
                        + "303,对个人和家庭的补助,30.00,30.00,0.00\r\n");
    }

    @Test
    void givenGroupedColumnsAndAnEmptyTable_whenRendered_thenHeadersNameTheGroupAndThereAreNoRows() {
        var content = SeedFacts.content();

        assertThat(csv.toCsv(content.findTable(TableCodes.THREE_PUBLIC_EXPENSES).orElseThrow())).startsWith(
                "项目,合计（万元）,因公出国（境）费（万元）,公务用车购置及运行费/小计（万元）,公务用车购置及运行费/购置费（万元）,"
                        + "公务用车购置及运行费/运行费（万元）,公务接待费（万元）\r\n2023年预算数,0.40,");
        assertThat(csv.toCsv(content.findTable(TableCodes.GOVERNMENT_FUND_EXPENDITURE).orElseThrow()))
                .isEqualTo("科目编码,科目名称,合计（万元）,基本支出（万元）,项目支出（万元）\r\n");
    }

    @Test
    void givenCellsThatLookLikeFormulas_whenRendered_thenTheyGetALeadingApostrophe_butNegativeAmountsStayNumbers() {
        DisclosureTable table = new DisclosureTable("t", "测试", "万元",
                List.of(Column.text("名称"), Column.amount("金额")),
                List.of(new Row(RowKind.DETAIL, List.of("=HYPERLINK(\"http://x\",\"y\")", "-96.80")),
                        new Row(RowKind.DETAIL, List.of("+1", "=1+1")),
                        new Row(RowKind.DETAIL, List.of("-2+3", "0.00")),
                        new Row(RowKind.DETAIL, List.of("@SUM(A1:A2)", "")),
                        new Row(RowKind.DETAIL, List.of("\tcmd", "1.00")),
                        new Row(RowKind.DETAIL, List.of("安全, \"引号\"\n换行", "2.50"))),
                null);

        assertThat(csv.toCsv(table)).isEqualTo("名称,金额（万元）\r\n"
                + "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-96.80\r\n"
                + "'+1,'=1+1\r\n"
                + "'-2+3,0.00\r\n"
                + "'@SUM(A1:A2),\r\n"
                + "'\tcmd,1.00\r\n"
                + "\"安全, \"\"引号\"\"\n换行\",2.50\r\n");
    }

    @Test
    void givenAHostileProjectName_whenTheTargetsTableIsRendered_thenItIsNeutralized() {
        DisclosureInput input = SeedFacts.withBudget(b ->
                ((ObjectNode) b.get("projects").get(0)).put("name", "=cmd|' /C calc'!A0"));
        DisclosureTable table = new DisclosureGenerator().generate(input)
                .findTable(TableCodes.PROJECT_PERFORMANCE_TARGETS).orElseThrow();

        assertThat(csv.toCsv(table)).contains("\r\n'=cmd|' /C calc'!A0,重庆市綦江区总工会（本级）,1.00,产出指标,")
                .doesNotContain("\r\n=");
    }
}
