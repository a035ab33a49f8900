package cn.finance.disclosure.budget.validation;

import cn.finance.disclosure.events.Yuan;

import java.math.BigDecimal;

/** 万元 wording for messages; the rounding itself is {@link Yuan#toWanYuan()}. */
final class Wan {

    private Wan() {
    }

    /** "276.62", "96.8", "0", "-112.8". */
    static String text(Yuan amount) {
        return amount.toWanYuanText();
    }

    static String text(BigDecimal wanYuan) {
        BigDecimal stripped = wanYuan.stripTrailingZeros();
        return stripped.signum() == 0 ? "0" : stripped.toPlainString();
    }

    /** "276.62万元". */
    static String of(Yuan amount) {
        return text(amount) + "万元";
    }

    /** Two amounts for a sentence that says they differ: in 万元, or in 元 when the 万元 texts would look equal. */
    static String[] pair(Yuan a, Yuan b) {
        if (text(a).equals(text(b))) {
            return new String[] {a.toWire() + "元", b.toWire() + "元"};
        }
        return new String[] {of(a), of(b)};
    }

    /** "增加3万元" / "减少96.8万元" / "持平", as the published text words a change. */
    static String change(Yuan delta) {
        if (delta.toWanYuan().signum() == 0) {
            return delta.signum() == 0 ? "持平" : (delta.signum() > 0 ? "增加" : "减少") + delta.abs().toWire() + "元";
        }
        return (delta.signum() > 0 ? "增加" : "减少") + Wan.of(delta.abs());
    }
}
