package cn.finance.disclosure.portal.verify;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the portal checks before it believes anything: a feed entry's own hash and its link to the entry before, and a
 * version's content against the hash the feed announced. Pure: no I/O, no clock. Problems are worded for citizens.
 */
public final class Verification {

    /** Strict parsing: a document with a member twice could mean one thing to us and another to someone else. */
    public static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern CODE = Pattern.compile("[0-9]{6,12}");

    private Verification() {
    }

    /** The outcome of a check: the problem, in Chinese, or null when it verified. */
    public record Outcome(String problem, String recomputedHash) {

        public boolean verified() {
            return problem == null;
        }

        static Outcome ok(String hash) {
            return new Outcome(null, hash);
        }

        static Outcome failed(String problem, String hash) {
            return new Outcome(problem, hash);
        }
    }

    /** {@code entryHash}: SHA-256 of the entry's canonical JSON without {@code entryHash}. */
    public static String entryHash(JsonNode entry) {
        ObjectNode copy = ((ObjectNode) entry).deepCopy();
        copy.remove("entryHash");
        return Hashes.sha256Hex(copy);
    }

    /**
     * The entry's hash recomputes, it is the next in sequence and it names the entry before as its predecessor (the
     * first entry names none).
     */
    public static Outcome checkEntry(FeedEntry entry, long previousSequence, String previousEntryHash) {
        if (!entry.json().isObject()) {
            return Outcome.failed("发布记录不是 JSON 对象", null);
        }
        String recomputed = entryHash(entry.json());
        if (!recomputed.equals(entry.entryHash())) {
            return Outcome.failed("发布记录第" + entry.sequence() + "条的哈希值与其内容不符（记录声明 "
                    + entry.entryHash() + "，重新计算为 " + recomputed + "）", recomputed);
        }
        if (entry.sequence() != previousSequence + 1) {
            return Outcome.failed("发布记录序号不连续：应为第" + (previousSequence + 1) + "条，收到第"
                    + entry.sequence() + "条", recomputed);
        }
        if (!Objects.equals(previousEntryHash, entry.previousEntryHash())) {
            return Outcome.failed("发布记录链条断裂：第" + entry.sequence() + "条声明的上一条哈希为 "
                    + entry.previousEntryHash() + "，而本门户保存的上一条哈希为 " + previousEntryHash, recomputed);
        }
        String type = entry.type();
        if (!FeedEntry.RELEASED.equals(type) && !FeedEntry.CORRECTED.equals(type) && !FeedEntry.WITHDRAWN.equals(type)) {
            return Outcome.failed("发布记录第" + entry.sequence() + "条的类型未知：" + type, recomputed);
        }
        if (entry.departmentCode() == null || !CODE.matcher(entry.departmentCode()).matches()
                || entry.version() < 1 || entry.fiscalYear() < 2000 || entry.fiscalYear() > 2100
                || entry.contentHash() == null || !SHA256.matcher(entry.contentHash()).matches()) {
            return Outcome.failed("发布记录第" + entry.sequence() + "条的单位编码、年度、版本或内容哈希格式不正确", recomputed);
        }
        return Outcome.ok(recomputed);
    }

    /**
     * A version's JSON as received: it parses strictly, describes the version the entry announced, and the SHA-256 of
     * its {@code content}'s canonical JSON equals both its own {@code contentHash} and the one the (verified) feed
     * entry carries.
     */
    public static Outcome checkVersion(byte[] body, FeedEntry announced) {
        JsonNode document;
        try {
            document = STRICT.readTree(body);
        } catch (RuntimeException e) {
            return Outcome.failed("版本内容不是有效的 JSON（" + e.getClass().getSimpleName() + "）", Hashes.sha256Hex(body));
        }
        if (document == null || !document.isObject() || !document.path("content").isObject()) {
            return Outcome.failed("版本内容缺少 content 部分", null);
        }
        String recomputed;
        try {
            recomputed = Hashes.sha256Hex(document.get("content"));
        } catch (IllegalArgumentException e) {
            return Outcome.failed("版本内容无法规范化：" + e.getMessage(), null);
        }
        if (!announced.departmentCode().equals(document.path("departmentCode").asString(""))
                || announced.fiscalYear() != document.path("fiscalYear").asInt()
                || announced.version() != document.path("version").asInt()) {
            return Outcome.failed("收到的版本与发布记录所指的不是同一版本（单位、年度或版本号不符）", recomputed);
        }
        if (!recomputed.equals(announced.contentHash())) {
            return Outcome.failed("内容哈希不符：发布记录公布的哈希为 " + announced.contentHash()
                    + "，按收到的内容重新计算为 " + recomputed, recomputed);
        }
        if (!recomputed.equals(document.path("contentHash").asString(""))) {
            return Outcome.failed("内容哈希不符：版本自身声明 " + document.path("contentHash").asString("")
                    + "，重新计算为 " + recomputed, recomputed);
        }
        return Outcome.ok(recomputed);
    }
}
