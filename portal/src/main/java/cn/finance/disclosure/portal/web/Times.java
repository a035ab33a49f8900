package cn.finance.disclosure.portal.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times as citizens read them: Beijing time. */
final class Times {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BEIJING);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(BEIJING);

    private Times() {
    }

    static String minutes(Instant at) {
        return at == null ? null : MINUTES.format(at);
    }

    static String seconds(Instant at) {
        return at == null ? null : SECONDS.format(at);
    }
}
