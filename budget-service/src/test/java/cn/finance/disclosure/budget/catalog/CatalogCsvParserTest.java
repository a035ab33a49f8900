package cn.finance.disclosure.budget.catalog;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogCsvParserTest {

    @Test
    void goodFileWithHeaderBomCrlfAndQuotesIsAccepted() {
        String csv = "\uFEFFcode,name\r\n201,一般公共服务支出\r\n20103,\"政府办公厅（室）及相关机构事务\"\r\n"
                + "2010301,行政运行\r\n\r\n2010399,\"其他政府办公厅（室）及相关机构事务支出, 含\"\"专项\"\"\"\r\n";

        CatalogParseResult<CodeTable> result = CatalogCsvParser.parse(CodeKind.FUNCTION, csv);

        assertThat(result.accepted()).isTrue();
        assertThat(result.problems()).isEmpty();
        CodeTable table = result.orElseThrow();
        assertThat(table.entries()).containsKeys("201", "20103", "2010301", "2010399").hasSize(4);
        assertThat(table.name("20103")).contains("政府办公厅（室）及相关机构事务");
        assertThat(table.name("2010399")).contains("其他政府办公厅（室）及相关机构事务支出, 含\"专项\"");
    }

    @Test
    void headerIsOptionalAndMayBeChinese() {
        assertThat(CatalogCsvParser.parse(CodeKind.ECONOMIC, "301,工资福利支出\n30101,基本工资").orElseThrow().size())
                .isEqualTo(2);
        assertThat(CatalogCsvParser.parse(CodeKind.ECONOMIC, "科目编码,科目名称\n301,工资福利支出\n").orElseThrow().size())
                .isEqualTo(1);
    }

    @Test
    void badLinesAreRefusedWithTheirLineNumbersInChinese() {
        String csv = String.join("\n",
                "code,name",
                "201,一般公共服务支出",
                "20a01,人大事务",
                "2010,行政运行",
                "20101,",
                "201,一般公共服务支出",
                "20103,政府办公厅（室）及相关机构事务,多余",
                "\"20105,统计信息事务");

        CatalogParseResult<CodeTable> result = CatalogCsvParser.parse(CodeKind.FUNCTION, csv);

        assertThat(result.accepted()).isFalse();
        assertThat(result.problems()).extracting(CatalogProblem::line).containsExactly(3, 4, 5, 6, 7, 8);
        assertThat(result.problems()).extracting(CatalogProblem::message).satisfiesExactly(
                m -> assertThat(m).startsWith("第3行：").contains("格式不正确", "3位（类）、5位（款）或7位（项）"),
                m -> assertThat(m).startsWith("第4行：").contains("“2010”格式不正确"),
                m -> assertThat(m).startsWith("第5行：").contains("名称为空"),
                m -> assertThat(m).startsWith("第6行：").contains("重复", "第2行"),
                m -> assertThat(m).startsWith("第7行：").contains("列数不正确"),
                m -> assertThat(m).startsWith("第8行：").contains("引号不成对"));
        assertThatThrownBy(result::orElseThrow).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("第3行");
    }

    @Test
    void sevenDigitCodeIsNotAnEconomicCode() {
        CatalogParseResult<CodeTable> result = CatalogCsvParser.parse(CodeKind.ECONOMIC, "3020101,办公费\n");

        assertThat(result.accepted()).isFalse();
        assertThat(result.problems().get(0).message()).contains("3位（类）或5位（款）");
    }

    @Test
    void childWhoseParentIsMissingIsAcceptedWithANote() {
        CatalogParseResult<CodeTable> result =
                CatalogCsvParser.parse(CodeKind.FUNCTION, "201,一般公共服务支出\n2012906,工会事务\n");

        assertThat(result.accepted()).isTrue();
        assertThat(result.orElseThrow().contains("2012906")).isTrue();
        assertThat(result.problems()).singleElement().satisfies(note -> {
            assertThat(note.line()).isEqualTo(2);
            assertThat(note.code()).isEqualTo("2012906");
            assertThat(note.message()).startsWith("第2行：").contains("20129", "已接受");
        });
    }

    @Test
    void emptyFileIsRefused() {
        CatalogParseResult<CodeTable> result = CatalogCsvParser.parse(CodeKind.FUNCTION, "code,name\n\n");

        assertThat(result.accepted()).isFalse();
        assertThat(result.problems()).singleElement().extracting(CatalogProblem::message).asString()
                .contains("没有任何科目");
    }

    @Test
    void wholeCatalogReportsTheProblemsOfBothFiles() {
        CatalogParseResult<ClassificationCatalog> result =
                CatalogCsvParser.parseCatalog(2026, "201,一般公共服务支出\n2x,坏编码\n", "301,\n");

        assertThat(result.accepted()).isFalse();
        assertThat(result.problems()).extracting(CatalogProblem::kind)
                .containsExactly(CodeKind.FUNCTION, CodeKind.ECONOMIC);
    }

    @Test
    void wholeCatalogFromGoodFilesIsOfItsYear() {
        ClassificationCatalog catalog = CatalogCsvParser.parseCatalog(2026,
                "201,一般公共服务支出\n20129,群众团体事务\n2012906,工会事务\n", "302,商品和服务支出\n30217,公务接待费\n")
                .orElseThrow();

        assertThat(catalog.fiscalYear()).isEqualTo(2026);
        assertThat(catalog.name(CodeKind.FUNCTION, "2012906")).contains("工会事务");
        assertThat(catalog.name(CodeKind.ECONOMIC, "30217")).contains("公务接待费");
        assertThat(catalog.economicCodes().entries()).containsOnlyKeys(List.of("302", "30217"));
    }

    @Test
    void csvFieldsSplitOnCommasOutsideQuotes() {
        assertThat(CatalogCsvParser.splitCsvLine("1,\"a,b\",\"c\"\"d\""))
                .containsExactly("1", "a,b", "c\"d");
    }
}
