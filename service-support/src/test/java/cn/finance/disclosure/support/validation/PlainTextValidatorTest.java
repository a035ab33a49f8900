package cn.finance.disclosure.support.validation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextValidatorTest {

    @Test
    void chineseTextWithFullWidthAndAsciiPunctuationIsPlain() {
        assertThat(PlainTextValidator.isPlain("把职工紧密地团结在党的周围,引导广大职工弘扬劳动精神、劳模精神（本级）“四季帮扶”")).isTrue();
        assertThat(PlainTextValidator.isPlain("不良率<5%，满意度≥90%")).isTrue();
        assertThat(PlainTextValidator.isPlain(null)).isTrue();
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
}
