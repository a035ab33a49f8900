package cn.finance.disclosure.publication.document;

import cn.finance.disclosure.events.EventJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 8785 (JCS) canonical form, checked against the RFC's own examples. */
class CanonicalJsonTest {

    private static JsonNode json(String text) {
        return EventJson.MAPPER.readTree(text);
    }

    @Test
    void givenTheRfcSortingExample_whenCanonicalized_thenMembersAreOrderedByUtf16CodeUnits() {
        // RFC 8785 §3.2.3
        JsonNode input = json("""
                {"\\u20ac":"Euro Sign","\\r":"Carriage Return","\\ufb33":"Hebrew Letter Dalet With Dagesh",
                 "1":"One","\\ud83d\\ude00":"Emoji: Grinning Face","\\u0080":"Control",
                 "\\u00f6":"Latin Small Letter O With Diaeresis"}""");

        assertThat(CanonicalJson.canonicalize(input)).isEqualTo(
                "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                        + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                        + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void givenTheRfcMainExample_whenCanonicalized_thenItIsTheRfcOutput() {
        // RFC 8785 §3.2.2 (input) and §3.2.3 (output)
        JsonNode input = json("""
                {
                  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }""");

        assertThat(CanonicalJson.canonicalize(input)).isEqualTo(
                "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                        + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @Test
    void givenControlAndSpecialCharacters_whenCanonicalized_thenOnlyTheMandatoryEscapesAreUsed() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("s", "\b\f\n\r\t\"\\ \u0000\u0001\u001f\u007f/\u2028\u00e9中文😀");

        assertThat(CanonicalJson.canonicalize(node))
                .isEqualTo("{\"s\":\"\\b\\f\\n\\r\\t\\\"\\\\ \\u0000\\u0001\\u001f\u007f/\u2028\u00e9中文😀\"}");
    }

    @Test
    void givenWhitespaceAndNesting_whenCanonicalized_thenNoWhitespaceRemainsAndEmptyContainersStay() {
        assertThat(CanonicalJson.canonicalize(json(" { \"b\" : [ 1 , { } , [ ] ] , \"a\" : { \"y\" : null , \"x\" : \"\" } } ")))
                .isEqualTo("{\"a\":{\"x\":\"\",\"y\":null},\"b\":[1,{},[]]}");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            // RFC 8785 Appendix B
            "0000000000000000, 0",
            "8000000000000000, 0",
            "0000000000000001, 5e-324",
            "8000000000000001, -5e-324",
            "7fefffffffffffff, 1.7976931348623157e+308",
            "ffefffffffffffff, -1.7976931348623157e+308",
            "4340000000000000, 9007199254740992",
            "c340000000000000, -9007199254740992",
            "4430000000000000, 295147905179352830000",
            "44b52d02c7e14af5, 9.999999999999997e+22",
            "44b52d02c7e14af6, 1e+23",
            "44b52d02c7e14af7, 1.0000000000000001e+23",
            "444b1ae4d6e2ef4e, 999999999999999700000",
            "444b1ae4d6e2ef4f, 999999999999999900000",
            "444b1ae4d6e2ef50, 1e+21",
            "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
            "3eb0c6f7a0b5ed8d, 0.000001",
            "41b3de4355555553, 333333333.3333332",
            "41b3de4355555554, 333333333.33333325",
            "41b3de4355555555, 333333333.3333333",
            "41b3de4355555556, 333333333.3333334",
            "41b3de4355555557, 333333333.33333343",
            "becbf647612f3696, -0.0000033333333333333333",
            "43143ff3c1cb0959, 1424953923781206.2"})
    void givenTheRfcNumberSamples_whenFormatted_thenTheyReadAsEcmaScriptPrintsThem(String bits, String expected) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));

        assertThat(CanonicalJson.ecmaScript(value)).isEqualTo(expected);
        assertThat(CanonicalJson.canonicalize(JsonNodeFactory.instance.numberNode(value))).isEqualTo(expected);
    }

    @Test
    void givenIntegerNodes_whenCanonicalized_thenExactUpTo2To53AndTheNearestDoubleBeyond() {
        var nodes = JsonNodeFactory.instance;
        assertThat(CanonicalJson.canonicalize(nodes.numberNode(2024))).isEqualTo("2024");
        assertThat(CanonicalJson.canonicalize(nodes.numberNode(-7L))).isEqualTo("-7");
        assertThat(CanonicalJson.canonicalize(nodes.numberNode(9007199254740992L))).isEqualTo("9007199254740992");
        assertThat(CanonicalJson.canonicalize(nodes.numberNode(9007199254740993L))).isEqualTo("9007199254740992");
        assertThat(CanonicalJson.canonicalize(nodes.numberNode(new BigInteger("100000000000000000000000"))))
                .isEqualTo("1e+23");
        assertThat(CanonicalJson.canonicalize(nodes.numberNode(new BigDecimal("4.50")))).isEqualTo("4.5");
        assertThat(CanonicalJson.canonicalize(nodes.numberNode(-0.0))).isEqualTo("0");
    }

    @Test
    void givenValuesJsonCannotCarry_whenCanonicalized_thenRefused() {
        var nodes = JsonNodeFactory.instance;
        assertThatThrownBy(() -> CanonicalJson.canonicalize(nodes.numberNode(Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.canonicalize(nodes.numberNode(Double.POSITIVE_INFINITY)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.canonicalize(nodes.stringNode("bad \ud800 surrogate")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("surrogate");
    }
}
