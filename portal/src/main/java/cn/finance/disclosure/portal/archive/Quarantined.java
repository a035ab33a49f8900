package cn.finance.disclosure.portal.archive;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * Something received that did not verify, kept aside and never shown as verified.
 *
 * @param id            kind, sequence and the received bytes' hash: the same refusal is recorded once
 * @param kind          {@code content} (a version's bytes do not match the announced hash) or {@code chain} (a feed
 *                      entry's hash or link does not check out)
 * @param received      what was received (the entry's JSON, or the version's JSON), for inspection
 * @param resolvedAt    when a later fetch of the same version verified (the refusal stays on record), else null
 */
@Document("quarantine")
public record Quarantined(
        @Id String id,
        String kind,
        long sequence,
        String departmentCode,
        Integer fiscalYear,
        Integer version,
        String problem,
        String receivedSha256,
        String received,
        Instant receivedAt,
        Instant resolvedAt) {

    public static final String CONTENT = "content";
    public static final String CHAIN = "chain";

    public String kindLabel() {
        return CHAIN.equals(kind) ? "发布记录链条校验失败" : "版本内容校验失败";
    }
}
