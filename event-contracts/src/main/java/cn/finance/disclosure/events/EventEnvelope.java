package cn.finance.disclosure.events;

import tools.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * CloudEvents-style envelope around every event on Kafka. {@code type} carries the contract version
 * ({@code budget.approved.v1}); {@code subject} is the aggregate (department code, or code/fiscal year), which is
 * also the Kafka key, so events about one aggregate stay in order.
 */
public record EventEnvelope(
        String specversion,
        String id,
        String type,
        String source,
        String subject,
        Instant time,
        String datacontenttype,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
}
