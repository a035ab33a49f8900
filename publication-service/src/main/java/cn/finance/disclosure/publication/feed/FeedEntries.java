package cn.finance.disclosure.publication.feed;

import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.publication.document.CanonicalJson;
import cn.finance.disclosure.publication.document.ContentHash;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The feed entry as published: every member but {@code entryHash} is what the hash covers, so anyone can check an
 * entry by removing {@code entryHash}, canonicalizing (RFC 8785) and hashing (SHA-256, lowercase hex), and check the
 * chain by comparing each {@code previousEntryHash} with the entry before.
 */
public final class FeedEntries {

    public static final String ENTRY_HASH = "entryHash";
    public static final String PREVIOUS_ENTRY_HASH = "previousEntryHash";

    private FeedEntries() {
    }

    /** The entry without its own hash. */
    static ObjectNode unsealed(FeedItem item, long sequence, String previousEntryHash) {
        ObjectNode entry = EventJson.MAPPER.createObjectNode();
        entry.put("sequence", sequence);
        entry.put("type", item.type());
        entry.put("eventId", item.sourceId());
        entry.put("departmentCode", item.departmentCode());
        entry.put("departmentName", item.departmentName());
        entry.put("fiscalYear", item.fiscalYear());
        entry.put("version", item.version());
        entry.put("contentHash", item.contentHash());
        if (item.supersedes() == null) {
            entry.putNull("supersedes");
        } else {
            entry.put("supersedes", item.supersedes().intValue());
        }
        entry.put("reason", item.reason());
        entry.put("occurredAt", item.occurredAt().toString());
        entry.put("link", "/public/v1/publications/" + item.departmentCode() + "/" + item.fiscalYear()
                + "/versions/" + item.version());
        entry.put(PREVIOUS_ENTRY_HASH, previousEntryHash);
        return entry;
    }

    /** SHA-256 hex of the canonical JSON of {@code entry} without its {@code entryHash} member. */
    public static String entryHash(JsonNode entry) {
        ObjectNode copy = ((ObjectNode) entry).deepCopy();
        copy.remove(ENTRY_HASH);
        return ContentHash.sha256Hex(copy);
    }

    static String canonical(JsonNode entry) {
        return CanonicalJson.canonicalize(entry);
    }
}
