package cn.finance.disclosure.console.web;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * How pages show what the API answers in machine form: the disclosure statuses in Chinese and instants as local
 * date and time (the bureau's zone, {@code CONSOLE_ZONE}, default Asia/Shanghai). Templates call it as
 * {@code ${@labels.time(x)}}.
 */
@Component("labels")
public class Labels {

    private static final Map<String, String> DISCLOSURE = Map.of(
            "WAITING_FOR_PROFILE", "等待单位基本情况",
            "DRAFT", "待单位负责人确认",
            "CONFIRMED", "已确认，待发布",
            "RELEASED", "已发布",
            "WITHDRAWN", "已撤回");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    Labels(@org.springframework.beans.factory.annotation.Value("${CONSOLE_ZONE:Asia/Shanghai}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    public String disclosure(Object status) {
        return status == null ? "" : DISCLOSURE.getOrDefault(status.toString(), status.toString());
    }

    public String time(Object instant) {
        if (instant == null || instant.toString().isBlank()) {
            return "";
        }
        try {
            return TIME.format(Instant.parse(instant.toString()).atZone(zone));
        } catch (DateTimeParseException e) {
            return instant.toString();
        }
    }
}
