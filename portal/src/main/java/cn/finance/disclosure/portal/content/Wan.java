package cn.finance.disclosure.portal.content;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Yuan (exact decimal strings, as the platform publishes figures) shown as 万元 with two decimals: the one place. */
public final class Wan {

    private static final BigDecimal TEN_THOUSAND = new BigDecimal(10_000);

    private Wan() {
    }

    public static BigDecimal yuan(String exact) {
        return new BigDecimal(exact);
    }

    public static String of(BigDecimal yuan) {
        return yuan.divide(TEN_THOUSAND, 2, RoundingMode.HALF_UP).toPlainString();
    }

    public static String of(String yuan) {
        return of(yuan(yuan));
    }
}
