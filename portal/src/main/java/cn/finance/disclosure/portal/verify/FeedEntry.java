package cn.finance.disclosure.portal.verify;

import tools.jackson.databind.JsonNode;

/**
 * One entry of the platform's release feed, as read from its JSON (the node is kept: the entry hash covers every
 * member it has, known to this portal or not).
 */
public record FeedEntry(JsonNode json) {

    public static final String RELEASED = "released";
    public static final String CORRECTED = "corrected";
    public static final String WITHDRAWN = "withdrawn";

    public long sequence() {
        return json.path("sequence").asLong(-1);
    }

    public String type() {
        return text("type");
    }

    public String departmentCode() {
        return text("departmentCode");
    }

    public String departmentName() {
        return text("departmentName");
    }

    public int fiscalYear() {
        return json.path("fiscalYear").asInt();
    }

    public int version() {
        return json.path("version").asInt();
    }

    public String contentHash() {
        return text("contentHash");
    }

    public Integer supersedes() {
        JsonNode s = json.path("supersedes");
        return s.isIntegralNumber() ? s.intValue() : null;
    }

    public String reason() {
        return text("reason");
    }

    public String occurredAt() {
        return text("occurredAt");
    }

    public String link() {
        return text("link");
    }

    public String entryHash() {
        return text("entryHash");
    }

    public String previousEntryHash() {
        return text("previousEntryHash");
    }

    private String text(String name) {
        JsonNode n = json.path(name);
        return n.isString() ? n.stringValue() : null;
    }
}
