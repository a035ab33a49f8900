package cn.finance.disclosure.support.web;

import org.slf4j.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/** The id that follows one request through the gateway and every service's logs. */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private CorrelationId() {
    }

    /** Keeps a caller's id only when it is safe to log; otherwise makes a new one. */
    public static String acceptOrCreate(String offered) {
        return offered != null && SAFE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    public static String current() {
        return MDC.get(MDC_KEY);
    }
}
