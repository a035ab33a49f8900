package cn.finance.disclosure.publication.disclosure;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The legal deadline: a department publishes its budget within 20 days of the finance bureau's approval (预算法 §14).
 * Days are counted on the calendar of the district (China Standard Time), whatever zone the server runs in.
 */
public final class Deadlines {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final int DAYS_TO_PUBLISH = 20;

    private Deadlines() {
    }

    public static LocalDate dueDate(Instant from) {
        return LocalDate.ofInstant(from, ZONE).plusDays(DAYS_TO_PUBLISH);
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** Negative once the due date has passed; 0 on the due date itself. */
    public static long daysLeft(LocalDate dueDate, Clock clock) {
        return ChronoUnit.DAYS.between(today(clock), dueDate);
    }
}
