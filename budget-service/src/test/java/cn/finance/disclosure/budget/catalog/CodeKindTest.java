package cn.finance.disclosure.budget.catalog;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodeKindTest {

    @Test
    void functionCodesAreThreeFiveOrSevenDigits() {
        assertThat(CodeKind.FUNCTION.isWellFormed("201")).isTrue();
        assertThat(CodeKind.FUNCTION.isWellFormed("20129")).isTrue();
        assertThat(CodeKind.FUNCTION.isWellFormed("2012906")).isTrue();
        assertThat(CodeKind.FUNCTION.isWellFormed("2012")).isFalse();
        assertThat(CodeKind.FUNCTION.isWellFormed("２０１")).isFalse();
        assertThat(CodeKind.FUNCTION.isWellFormed(" 201")).isFalse();
        assertThat(CodeKind.FUNCTION.isWellFormed(null)).isFalse();
    }

    @Test
    void economicCodesAreThreeOrFiveDigits() {
        assertThat(CodeKind.ECONOMIC.isWellFormed("302")).isTrue();
        assertThat(CodeKind.ECONOMIC.isWellFormed("30217")).isTrue();
        assertThat(CodeKind.ECONOMIC.isWellFormed("3021701")).isFalse();
    }

    @Test
    void parentsGoFromItemToSectionToClass() {
        assertThat(CodeKind.FUNCTION.parentOf("2012906")).contains("20129");
        assertThat(CodeKind.FUNCTION.parentOf("20129")).contains("201");
        assertThat(CodeKind.FUNCTION.parentOf("201")).isEmpty();
        assertThat(CodeKind.FUNCTION.ancestorsOf("2012906")).containsExactly("20129", "201");
        assertThat(CodeKind.ECONOMIC.parentOf("30217")).contains("302");
        assertThat(CodeKind.levelName("2012906")).isEqualTo("项");
    }

    @Test
    void codeTableIsImmutableAndRefusesMalformedCodes() {
        CodeTable table = CodeTable.of(CodeKind.ECONOMIC, Map.of("302", "商品和服务支出", "30217", " 公务接待费 "));

        assertThat(table.name("30217")).contains("公务接待费");
        assertThat(table.missingAncestors("30217")).isEmpty();
        assertThatThrownBy(() -> table.entries().put("303", "x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> CodeTable.of(CodeKind.ECONOMIC, Map.of("3021", "x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CodeTable.of(CodeKind.ECONOMIC, Map.of("302", " ")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void catalogReplacesOneListAndKeepsTheOther() {
        CodeTable functions = CodeTable.of(CodeKind.FUNCTION, Map.of("201", "一般公共服务支出"));
        CodeTable economic = CodeTable.of(CodeKind.ECONOMIC, Map.of("302", "商品和服务支出"));
        ClassificationCatalog catalog = ClassificationCatalog.of(2024, functions, economic);

        ClassificationCatalog replaced = catalog.withCodes(CodeTable.of(CodeKind.FUNCTION, Map.of("205", "教育支出")));

        assertThat(replaced.contains(CodeKind.FUNCTION, "201")).isFalse();
        assertThat(replaced.contains(CodeKind.FUNCTION, "205")).isTrue();
        assertThat(replaced.economicCodes()).isSameAs(economic);
        assertThat(catalog.contains(CodeKind.FUNCTION, "201")).isTrue();
        assertThatThrownBy(() -> ClassificationCatalog.of(2024, economic, functions))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
