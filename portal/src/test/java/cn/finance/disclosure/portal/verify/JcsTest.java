package cn.finance.disclosure.portal.verify;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The canonicalizer against RFC 8785's own examples and its number rules. */
class JcsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String canonical(String json) {
        return Jcs.canonicalize(JSON.readTree(json));
    }

    @Test
    void theRfcsSampleCanonicalizesAsTheRfcShows() {
        String input = "{\"numbers\":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"
                + "\"string\":\"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\","
                + "\"literals\":[null,true,false]}";
        assertThat(canonical(input)).isEqualTo("{\"literals\":[null,true,false],"
                + "\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @Test
    void membersAreSortedByUtf16CodeUnitsAsInTheRfcsExample() {
        String input = "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew\",\"1\":\"One\","
                + "\"\\ud83d\\ude00\":\"Emoji\",\"\\u0080\":\"Control\",\"\\u00f6\":\"o\"}";
        assertThat(canonical(input)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"ö\":\"o\",\"€\":\"Euro Sign\",\"\uD83D\uDE00\":\"Emoji\",\"\uFB33\":\"Hebrew\"}");
    }

    @Test
    void numbersPrintAsEcmaScriptPrintsTheirDouble() {
        assertThat(Jcs.ecmaScript(0.0)).isEqualTo("0");
        assertThat(Jcs.ecmaScript(-0.0)).isEqualTo("0");
        assertThat(Jcs.ecmaScript(1e21)).isEqualTo("1e+21");
        assertThat(Jcs.ecmaScript(1e20)).isEqualTo("100000000000000000000");
        assertThat(Jcs.ecmaScript(1e-7)).isEqualTo("1e-7");
        assertThat(Jcs.ecmaScript(0.000001)).isEqualTo("0.000001");
        assertThat(Jcs.ecmaScript(-1.5)).isEqualTo("-1.5");
        assertThat(Jcs.ecmaScript(9007199254740993.0)).isEqualTo("9007199254740992");
        assertThat(canonical("[2024, 7, -3]")).isEqualTo("[2024,7,-3]");
    }

    @Test
    void chineseTextAndFullWidthPunctuationStayLiteral() {
        assertThat(canonical("{\"标题\":\"重庆市綦江区“三公”经费，（一）说明：\"}"))
                .isEqualTo("{\"标题\":\"重庆市綦江区“三公”经费，（一）说明：\"}");
    }

    @Test
    void aLoneSurrogateCannotBeCanonicalized() {
        assertThatThrownBy(() -> canonical("{\"a\":\"\\ud800\"}")).isInstanceOf(IllegalArgumentException.class);
    }
}
