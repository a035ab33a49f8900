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
    /** UnitKind and UnitLevel of the department registry, in the order the admin chooses from. */
    private static final Map<String, String> KINDS = ordered(
            "ADMINISTRATIVE", "行政单位",
            "CIVIL_SERVICE_MANAGED", "参照公务员法管理的事业单位",
            "PUBLIC_INSTITUTION", "事业单位",
            "OTHER", "其他");
    private static final Map<String, String> LEVELS = ordered(
            "DEPARTMENT", "一级部门（含所属单位）",
            "UNIT", "单位（本级或二级单位）");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    Labels(@org.springframework.beans.factory.annotation.Value("${CONSOLE_ZONE:Asia/Shanghai}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    public String disclosure(Object status) {
        return status == null ? "" : DISCLOSURE.getOrDefault(status.toString(), status.toString());
    }

    public Map<String, String> kinds() {
        return KINDS;
    }

    public Map<String, String> levels() {
        return LEVELS;
    }

    /** Older registrations hold a free-text kind: shown as it is. */
    public String kind(Object kind) {
        return kind == null ? "" : KINDS.getOrDefault(kind.toString(), kind.toString());
    }

    /** Absent level means DEPARTMENT, as department-service reads it. */
    public String level(Object level) {
        return level == null || level.toString().isBlank() ? LEVELS.get("DEPARTMENT")
                : LEVELS.getOrDefault(level.toString(), level.toString());
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
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
