package cn.finance.disclosure.support.validation;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextValidatorTest {

    @Test
    void chineseTextWithFullWidthAndAsciiPunctuationIsPlain() {
        assertThat(PlainTextValidator.isPlain("把职工紧密地团结在党的周围,引导广大职工弘扬劳动精神、劳模精神（本级）“四季帮扶”")).isTrue();
        assertThat(PlainTextValidator.isPlain("不良率<5%，满意度≥90%")).isTrue();
        assertThat(PlainTextValidator.isPlain(null)).isTrue();
    }

    @Test
    void fullWidthPunctuationTheIdeographicSpaceAndCharactersBeyondTheBmpAreKept() {
        assertThat(PlainTextValidator.isPlain("一、部门职责　（一）主要职能：《预算法》；“三公”经费……！？【注】〔2024〕·—～＜＞")).isTrue();
        assertThat(PlainTextValidator.isPlain("𠀀𪚥鿏 綦江区")).isTrue(); // CJK extension B and later: surrogate pairs, not Cs
    }

    @Test
    void markupAndControlCharactersAreNot() {
        assertThat(PlainTextValidator.isPlain("<script>alert(1)</script>")).isFalse();
        assertThat(PlainTextValidator.isPlain("\"><img src=x onerror=alert(1)>")).isFalse();
        assertThat(PlainTextValidator.isPlain("正文</p>")).isFalse();
        assertThat(PlainTextValidator.isPlain("<!-- x -->")).isFalse();
        assertThat(PlainTextValidator.isPlain("JavaScript:alert(1)")).isFalse();
        assertThat(PlainTextValidator.isPlain("第一行\n第二行")).isFalse();
        assertThat(PlainTextValidator.isPlain("a\u0000b")).isFalse();
    }

    /** Each of these passed the old rule: a separator before markup, or an invisible character alone. */
    @ParameterizedTest
    @ValueSource(strings = {
            "说明\u2028<script>alert(1)</script>", "说明\u2029<img src=x onerror=alert(1)>", "行一\u2028行二",
            "\u0085<script>", "说明\r\n<b>粗</b>",
            "金额\u202E001\u202C元", "\u202A左\u202B右\u202D覆盖", "\u2066隔离\u2069", "\u2067\u2068x\u2069",
            "\u200E标记\u200F", "\u061C", "零\u200B宽\u200C字\u200D符", "\uFEFF开头", "\u2060词连接", "软\u00AD连字符",
            "\uDB40\uDC01标签", "孤立代理\uD800", "\uDC00"})
    void separatorsBeforeMarkupAndInvisibleOrBidiCharactersAreRefused(String text) {
        assertThat(PlainTextValidator.isPlain(text)).as(text.codePoints().mapToObj(Integer::toHexString).toList()
                .toString()).isFalse();
        assertThat(PlainTextValidator.isPlain(text, true)).isFalse();
    }

    @Test
    void multilineTextsMayBreakLinesAndNothingElse() {
        assertThat(PlainTextValidator.isPlain("第一条：说明。\r\n第二条：\t补充。", true)).isTrue();
        assertThat(PlainTextValidator.isPlain("第一条\n<script>", true)).isFalse();
        assertThat(PlainTextValidator.isPlain("第一条\n\u202E说明", true)).isFalse();
        assertThat(PlainTextValidator.isPlain("第一条\u2028第二条", true)).isFalse();
    }

    record Form(@PlainText String title, @PlainText(multiline = true) String reason) {
    }

    @Test
    void theAnnotationAppliesTheRuleAndItsMultilineVariant() {
        try (var factory = Validation.buildDefaultValidatorFactory()) {
            Validator validator = factory.getValidator();
            assertThat(validator.validate(new Form("标题", "原因一\n原因二"))).isEmpty();
            assertThat(validator.validate(new Form("标题\n", "原因"))).extracting(v -> v.getPropertyPath().toString())
                    .containsExactly("title");
            assertThat(validator.validate(new Form("标题", "原因\u200B"))).extracting(v -> v.getPropertyPath()
                    .toString()).containsExactly("reason");
        }
    }
}
