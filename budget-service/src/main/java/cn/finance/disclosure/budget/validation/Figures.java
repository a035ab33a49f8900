package cn.finance.disclosure.budget.validation;

import cn.finance.disclosure.events.Yuan;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the ordered figures of a finding. */
final class Figures {

    private final Map<String, Object> values = new LinkedHashMap<>();

    static Figures of() {
        return new Figures();
    }

    Figures yuan(String name, Yuan amount) {
        values.put(name, amount);
        return this;
    }

    /** The exact amount under {@code name} and its 万元 text under {@code name + "WanYuan"}. */
    Figures yuanAndWan(String name, Yuan amount) {
        values.put(name, amount);
        values.put(name + "WanYuan", Wan.text(amount));
        return this;
    }

    Figures wan(String name, BigDecimal wanYuan) {
        values.put(name, Wan.text(wanYuan));
        return this;
    }

    Figures text(String name, Object value) {
        values.put(name, String.valueOf(value));
        return this;
    }

    Map<String, Object> toMap() {
        return values;
    }
}
