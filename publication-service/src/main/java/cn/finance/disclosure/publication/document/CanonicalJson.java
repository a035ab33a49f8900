package cn.finance.disclosure.publication.document;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS) over a Jackson tree: no whitespace; object members sorted by their names
 * as UTF-16 code units (which is {@link String#compareTo}); strings with only the mandatory escapes ({@code \" \\ \b
 * \f \n \r \t}, other controls as lowercase <code>&#92;u00XX</code>) and everything else literal; numbers as ECMAScript prints
 * the IEEE 754 double they denote (so, as in any JCS implementation, an integer beyond 2^53 is printed as its nearest
 * double). Disclosure amounts are strings, so they are hashed exactly as written.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    public static String canonicalize(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(out, node);
        return out.toString();
    }

    /** The canonical form as UTF-8 bytes: what a hash is computed over. */
    public static byte[] canonicalBytes(JsonNode node) {
        return canonicalize(node).getBytes(StandardCharsets.UTF_8);
    }

    private static void write(StringBuilder out, JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                Map<String, JsonNode> sorted = new TreeMap<>();
                for (Map.Entry<String, JsonNode> member : node.properties()) {
                    sorted.put(member.getKey(), member.getValue());
                }
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonNode> member : sorted.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    writeString(out, member.getKey());
                    out.append(':');
                    write(out, member.getValue());
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                boolean first = true;
                for (JsonNode element : node.values()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    write(out, element);
                }
                out.append(']');
            }
            case STRING -> writeString(out, node.stringValue());
            case NUMBER -> out.append(number(node));
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("not representable in canonical JSON: " + node.getNodeType());
        }
    }

    private static String number(JsonNode node) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            long value = node.longValue();
            // Every integer up to 2^53 in magnitude is an exact double, printed without exponent or fraction.
            if (Math.abs(value) <= (1L << 53)) {
                return Long.toString(value);
            }
        }
        double value = node.isIntegralNumber() ? node.bigIntegerValue().doubleValue() : node.doubleValue();
        return ecmaScript(value);
    }

    /** ECMAScript's Number::toString for a finite double (ECMA-262 §6.1.6.1.20), as RFC 8785 §3.2.2.3 requires. */
    static String ecmaScript(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("NaN and Infinity are not JSON numbers");
        }
        if (value == 0) {
            return "0"; // both zeros
        }
        if (value < 0) {
            return "-" + ecmaScript(-value);
        }
        // Java's Double.toString (JDK 19+) gives the shortest decimal that reads back as the same double, choosing the
        // closest when there are several: the digits ECMAScript uses, except that Java never goes below two digits.
        BigDecimal shortest = oneDigitIfItReadsBack(new BigDecimal(Double.toString(value)).stripTrailingZeros(), value);
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // value = 0.digits × 10^n
        if (k <= n && n <= 21) {
            return digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + digits;
        }
        int exponent = n - 1;
        String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return mantissa + "e" + (exponent >= 0 ? "+" : "-") + Math.abs(exponent);
    }

    /**
     * Where Java printed two digits (4.9E-324), ECMAScript prints one if a one-digit decimal reads back as the same
     * double (5e-324): the closer of the two neighbours, the even one on a tie. Only subnormals are affected.
     */
    private static BigDecimal oneDigitIfItReadsBack(BigDecimal twoOrMore, double value) {
        if (twoOrMore.precision() != 2) {
            return twoOrMore;
        }
        BigDecimal exact = new BigDecimal(value);
        BigDecimal best = null;
        for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
            BigDecimal candidate = twoOrMore.round(new MathContext(1, mode));
            if (candidate.signum() == 0 || Double.parseDouble(candidate.toString()) != value) {
                continue;
            }
            if (best == null) {
                best = candidate;
                continue;
            }
            int closer = candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs());
            if (closer < 0 || closer == 0 && !candidate.unscaledValue().testBit(0)) {
                best = candidate;
            }
        }
        return best == null ? twoOrMore : best.stripTrailingZeros();
    }

    private static void writeString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        // UTF-8 cannot carry a lone surrogate, so no two parties could agree on its bytes.
                        throw new IllegalArgumentException("lone surrogate U+" + Integer.toHexString(c).toUpperCase()
                                + " at index " + i + " cannot be canonicalized");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
