package cn.finance.disclosure.portal.verify;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The portal's own RFC 8785 (JSON Canonicalization Scheme) implementation, written independently of the platform's so
 * that a fault there cannot hide itself: no whitespace; members sorted by their names' UTF-16 code units; strings with
 * only the mandatory escapes; numbers as ECMAScript prints the double they denote.
 */
public final class Jcs {

    private Jcs() {
    }

    public static byte[] canonicalBytes(JsonNode node) {
        return canonicalize(node).getBytes(StandardCharsets.UTF_8);
    }

    public static String canonicalize(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(out, node);
        return out.toString();
    }

    private static void write(StringBuilder out, JsonNode node) {
        if (node.isObject()) {
            // String.compareTo compares UTF-16 code units, which is the order RFC 8785 §3.2.3 asks for
            Map<String, JsonNode> sorted = new TreeMap<>();
            node.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
            out.append('{');
            String separator = "";
            for (Map.Entry<String, JsonNode> member : sorted.entrySet()) {
                out.append(separator);
                string(out, member.getKey());
                out.append(':');
                write(out, member.getValue());
                separator = ",";
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            String separator = "";
            for (JsonNode element : node.values()) {
                out.append(separator);
                write(out, element);
                separator = ",";
            }
            out.append(']');
        } else if (node.isString()) {
            string(out, node.stringValue());
        } else if (node.isNumber()) {
            out.append(number(node));
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isNull()) {
            out.append("null");
        } else {
            throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }

    static String number(JsonNode node) {
        double value = node.isIntegralNumber() ? node.bigIntegerValue().doubleValue() : node.doubleValue();
        return ecmaScript(value);
    }

    /** ECMAScript Number::toString of a finite double (ECMA-262 §6.1.6.1.20). */
    static String ecmaScript(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("NaN and Infinity are not JSON numbers");
        }
        if (value == 0) {
            return "0";
        }
        if (value < 0) {
            return "-" + ecmaScript(-value);
        }
        // Double.toString gives the shortest digits that read back as the same double (JDK 19+)
        BigDecimal shortest = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale();
        if (k <= n && n <= 21) {
            return digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + digits;
        }
        String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        int exponent = n - 1;
        return mantissa + "e" + (exponent >= 0 ? "+" : "-") + Math.abs(exponent);
    }

    private static void string(StringBuilder out, String s) {
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
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw new IllegalArgumentException("a lone surrogate has no UTF-8 form");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
