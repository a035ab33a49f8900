package cn.finance.disclosure.portal.content;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The difference between two versions: changed sentences, and changed table cells with their old values. */
class VersionDiffTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Content content(String text, String... amounts) {
        ObjectNode c = JSON.createObjectNode();
        c.put("title", "t").put("fiscalYear", 2024).put("text", text);
        c.putObject("figures");
        ObjectNode table = c.putArray("tables").addObject();
        table.put("code", "expenditure-summary").put("title", "部门支出总表").put("unit", "万元");
        ArrayNode columns = table.putArray("columns");
        columns.addObject().put("label", "科目编码").put("kind", "CODE");
        columns.addObject().put("label", "科目名称").put("kind", "TEXT");
        columns.addObject().put("label", "合计").put("kind", "AMOUNT");
        ArrayNode rows = table.putArray("rows");
        String[][] lines = {{"", "合计"}, {"201", "一般公共服务支出"}, {"208", "社会保障和就业支出"}};
        for (int i = 0; i < amounts.length; i++) {
            ObjectNode row = rows.addObject().put("kind", i == 0 ? "TOTAL" : "CLASS");
            row.putArray("cells").add(lines[i][0]).add(lines[i][1]).add(amounts[i]);
        }
        return Content.of(c);
    }

    @Test
    void aChangedSentenceShowsAsRemovedAndAddedAndTheRestStaysTheSame() {
        VersionDiff.Result diff = VersionDiff.between(
                content("一、基本情况。收入276.62万元。二、说明。", "1.00", "1.00"),
                content("一、基本情况。收入280.00万元。二、说明。", "1.00", "1.00"));
        assertThat(diff.sentences()).extracting(s -> s.kind() + ":" + s.text()).containsExactly(
                "SAME:一、基本情况。", "REMOVED:收入276.62万元。", "ADDED:收入280.00万元。", "SAME:二、说明。");
        assertThat(diff.changedSentences()).isEqualTo(2);
        assertThat(diff.tables()).isEmpty();
    }

    @Test
    void aChangedAmountIsTheOnlyHighlightedCellAndKeepsItsOldValue() {
        VersionDiff.Result diff = VersionDiff.between(content("正文。", "3.00", "1.00", "2.00"),
                content("正文。", "3.50", "1.00", "2.50"));
        assertThat(diff.tables()).singleElement().satisfies(t -> {
            assertThat(t.changedCells()).isEqualTo(2);
            List<VersionDiff.Cell> total = t.rows().get(0).cells();
            assertThat(total.get(2)).isEqualTo(new VersionDiff.Cell("3.50", "3.00", true));
            assertThat(total.get(1).changed()).isFalse();
            assertThat(t.rows().get(1).cells()).noneMatch(VersionDiff.Cell::changed);
        });
    }

    @Test
    void anInsertedRowIsAddedWithoutMarkingTheRowsAfterItChanged() {
        VersionDiff.Result diff = VersionDiff.between(content("正文。", "3.00", "2.00"),
                content("正文。", "3.00", "2.00", "1.00"));
        assertThat(diff.tables()).singleElement().satisfies(t -> {
            assertThat(t.rows()).extracting(VersionDiff.Row::kind).containsExactly(VersionDiff.Kind.SAME,
                    VersionDiff.Kind.SAME, VersionDiff.Kind.ADDED);
            assertThat(t.changedCells()).isEqualTo(3);
        });
    }

    @Test
    void theCondensedViewKeepsOneUnchangedSentenceAroundEachChangeAndCountsTheRest() {
        VersionDiff.Result diff = VersionDiff.between(content("甲。乙。丙。丁。戊。", "1.00"),
                content("甲。乙。丙改。丁。戊。", "1.00"));
        assertThat(diff.condensed()).extracting(s -> s.kind() + ":" + s.text()).containsExactly(
                "SKIPPED:1", "SAME:乙。", "REMOVED:丙。", "ADDED:丙改。", "SAME:丁。", "SKIPPED:1");
    }
}
