package cn.finance.disclosure.model;

import cn.finance.disclosure.events.Yuan;

/**
 * The one rule of how a year-over-year change reads: 增加, 减少 or 持平. A change counts when it shows in the published
 * 万元 figure (rounded half-up to two places); a change of a few yuan reads 持平, never "增加0万元". Validation
 * (unexplained changes) and the generated text both decide here.
 */
public enum Direction {
    INCREASE("增加"),
    DECREASE("减少"),
    FLAT("持平");

    public final String word;

    Direction(String word) {
        this.word = word;
    }

    public static Direction of(Yuan delta) {
        if (delta.toWanYuan().signum() == 0) {
            return FLAT;
        }
        return delta.signum() > 0 ? INCREASE : DECREASE;
    }
}
