package cn.finance.disclosure.portal.verify;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Feed entries and versions are believed only when their hashes recompute and the chain links. */
class VerificationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static ObjectNode content(String text) {
        ObjectNode content = JSON.createObjectNode();
        content.put("title", "重庆市綦江区测试单位2024年部门预算情况说明").put("fiscalYear", 2024).put("text", text);
        content.putObject("figures").put("revenueTotal", "2766200.00");
        return content;
    }

    static ObjectNode version(ObjectNode content, int number) {
        ObjectNode v = JSON.createObjectNode();
        v.put("departmentCode", "405001").put("fiscalYear", 2024).put("version", number)
                .put("contentHash", Hashes.sha256Hex(content));
        v.set("content", content);
        return v;
    }

    static ObjectNode entry(long sequence, String previous, String type, int version, String contentHash) {
        ObjectNode e = JSON.createObjectNode();
        e.put("sequence", sequence).put("type", type).put("eventId", "e" + sequence).put("departmentCode", "405001")
                .put("departmentName", "测试单位").put("fiscalYear", 2024).put("version", version)
                .put("contentHash", contentHash).putNull("supersedes").putNull("reason")
                .put("occurredAt", "2026-11-28T10:00:00Z")
                .put("link", "/public/v1/publications/405001/2024/versions/" + version)
                .put("previousEntryHash", previous);
        e.put("entryHash", Verification.entryHash(e));
        return e;
    }

    @Test
    void anEntryWhoseHashRecomputesAndLinksToTheLastIsVerified() {
        ObjectNode first = entry(1, null, "released", 1, "a".repeat(64));
        ObjectNode second = entry(2, first.get("entryHash").stringValue(), "withdrawn", 1, "a".repeat(64));
        assertThat(Verification.checkEntry(new FeedEntry(first), 0, null).verified()).isTrue();
        assertThat(Verification.checkEntry(new FeedEntry(second), 1, first.get("entryHash").stringValue()).verified())
                .isTrue();
    }

    @Test
    void anEntryAlteredAfterHashingIsRefused() {
        ObjectNode first = entry(1, null, "released", 1, "a".repeat(64));
        first.put("departmentName", "别的单位");
        Verification.Outcome outcome = Verification.checkEntry(new FeedEntry(first), 0, null);
        assertThat(outcome.verified()).isFalse();
        assertThat(outcome.problem()).contains("哈希值与其内容不符");
    }

    @Test
    void anEntryThatDoesNotNameTheLastVerifiedEntryBreaksTheChain() {
        ObjectNode second = entry(2, "b".repeat(64), "released", 2, "a".repeat(64));
        Verification.Outcome outcome = Verification.checkEntry(new FeedEntry(second), 1, "c".repeat(64));
        assertThat(outcome.verified()).isFalse();
        assertThat(outcome.problem()).contains("链条断裂");
    }

    @Test
    void aSkippedSequenceIsRefused() {
        ObjectNode third = entry(3, "c".repeat(64), "released", 1, "a".repeat(64));
        assertThat(Verification.checkEntry(new FeedEntry(third), 1, "c".repeat(64)).problem()).contains("序号不连续");
    }

    @Test
    void aVersionWhoseContentHashesToTheAnnouncedHashIsVerified() {
        ObjectNode v = version(content("一、单位基本情况。"), 1);
        FeedEntry announced = new FeedEntry(entry(1, null, "released", 1, v.get("contentHash").stringValue()));
        assertThat(Verification.checkVersion(bytes(v), announced).verified()).isTrue();
    }

    @Test
    void aVersionWithOneCharacterChangedIsRefusedEvenIfItsOwnHashWasUpdated() {
        ObjectNode original = version(content("收入预算276.62万元。"), 1);
        FeedEntry announced = new FeedEntry(entry(1, null, "released", 1, original.get("contentHash").stringValue()));
        ObjectNode forged = version(content("收入预算276.63万元。"), 1); // self-consistent, but not what was announced
        Verification.Outcome outcome = Verification.checkVersion(bytes(forged), announced);
        assertThat(outcome.verified()).isFalse();
        assertThat(outcome.problem()).contains("内容哈希不符");
    }

    @Test
    void aVersionWithADuplicatedMemberIsRefused() {
        ObjectNode v = version(content("正文"), 1);
        FeedEntry announced = new FeedEntry(entry(1, null, "released", 1, v.get("contentHash").stringValue()));
        String json = v.toString().replaceFirst("\\{", "{\"version\":9,");
        assertThat(Verification.checkVersion(json.getBytes(StandardCharsets.UTF_8), announced).verified()).isFalse();
    }

    @Test
    void anotherVersionThanTheAnnouncedOneIsRefused() {
        ObjectNode v = version(content("正文"), 2);
        FeedEntry announced = new FeedEntry(entry(1, null, "released", 1, v.get("contentHash").stringValue()));
        assertThat(Verification.checkVersion(bytes(v), announced).problem()).contains("不是同一版本");
    }

    static byte[] bytes(ObjectNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
