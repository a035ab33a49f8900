package cn.finance.disclosure.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An exact amount of money in yuan (元), scale 2. On the wire it is a decimal string ("2766200.00"), never a JSON
 * number, so no client can lose precision; the 万元 presentation lives here and nowhere else.
 */
public final class Yuan implements Comparable<Yuan> {

    /** Non-negative, at most 13 integer digits (below 10 trillion yuan) and at most two decimals. */
    private static final Pattern WIRE = Pattern.compile("(0|[1-9][0-9]{0,12})(\\.[0-9]{1,2})?");
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    public static final Yuan ZERO = new Yuan(BigDecimal.ZERO);

    private final BigDecimal amount;

    private Yuan(BigDecimal amount) {
        this.amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Parses the wire form; rejects negatives, exponents, more than two decimals and non-strings. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Yuan fromJson(Object wire) {
        if (!(wire instanceof String text)) {
            throw new IllegalArgumentException("金额必须是字符串形式的十进制数（单位：元），例如 \"2766200.00\"");
        }
        return parse(text);
    }

    public static Yuan parse(String text) {
        if (text == null || !WIRE.matcher(text).matches()) {
            throw new IllegalArgumentException(
                    "金额格式不正确：须为不小于0、最多两位小数的元金额，例如 \"2766200.00\"");
        }
        return new Yuan(new BigDecimal(text));
    }

    /** For amounts computed in code (sums, differences): must already be exact to the fen. */
    public static Yuan of(BigDecimal amount) {
        Objects.requireNonNull(amount, "amount");
        return new Yuan(amount);
    }

    public static Yuan of(String plain) {
        return of(new BigDecimal(plain));
    }

    public BigDecimal amount() {
        return amount;
    }

    @JsonValue
    public String toWire() {
        return amount.toPlainString();
    }

    public Yuan plus(Yuan other) {
        return new Yuan(amount.add(other.amount));
    }

    /** May be negative: differences are figures too (a year-over-year change). */
    public Yuan minus(Yuan other) {
        return new Yuan(amount.subtract(other.amount));
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public int signum() {
        return amount.signum();
    }

    public Yuan abs() {
        return new Yuan(amount.abs());
    }

    /** 万元 rounded half-up to two places, as published tables and texts show amounts. */
    public BigDecimal toWanYuan() {
        return amount.divide(TEN_THOUSAND, 2, RoundingMode.HALF_UP);
    }

    /** 万元 as a document prints it: two decimals at most, trailing zeros dropped (276.62, 96.8, 0.4, 1, 0). */
    public String toWanYuanText() {
        BigDecimal wan = toWanYuan().stripTrailingZeros();
        if (wan.signum() == 0) {
            return "0";
        }
        return wan.toPlainString();
    }

    public static Yuan sum(Iterable<Yuan> amounts) {
        BigDecimal total = BigDecimal.ZERO;
        for (Yuan y : amounts) {
            total = total.add(y.amount);
        }
        return new Yuan(total);
    }

    @Override
    public int compareTo(Yuan o) {
        return amount.compareTo(o.amount);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Yuan y && amount.compareTo(y.amount) == 0;
    }

    @Override
    public int hashCode() {
        return amount.stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
        return toWire();
    }
}
