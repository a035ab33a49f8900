package cn.finance.disclosure.publication.document;

import cn.finance.disclosure.events.Yuan;

/**
 * The two ways a document shows an amount, both delegating to {@link Yuan} (the one place of 万元 rounding): text as the
 * seed prints it (96.8), tables with two decimals fixed (96.80).
 */
final class Amounts {

    private Amounts() {
    }

    /** A missing amount counts as nothing. */
    static Yuan nz(Yuan amount) {
        return amount == null ? Yuan.ZERO : amount;
    }

    /** 万元 for running text: 276.62, 96.8, 0.4, 1, 0. */
    static String text(Yuan amount) {
        return nz(amount).toWanYuanText();
    }

    /** 万元 for a table cell: 276.62, 96.80, 0.40, 1.00, 0.00 (the half-up scale-2 value of {@link Yuan#toWanYuan()}). */
    static String cell(Yuan amount) {
        return nz(amount).toWanYuan().toPlainString();
    }
}
