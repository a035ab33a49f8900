package cn.finance.disclosure.publication.document;

import cn.finance.disclosure.events.EventJson;
import tools.jackson.databind.JsonNode;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Content hashes anyone can recompute: lowercase hex SHA-256 of the UTF-8 bytes of the RFC 8785 canonical JSON.
 * Used for a version's {@code contentHash} (over its {@code content}) and for a feed entry's {@code entryHash}
 * (over the entry without {@code entryHash}).
 */
public final class ContentHash {

    private ContentHash() {
    }

    public static String sha256Hex(JsonNode node) {
        return sha256Hex(CanonicalJson.canonicalBytes(node));
    }

    /**
     * The hash of a disclosure's content as the public JSON shows it. The content is mapped with
     * {@link EventJson#MAPPER}; it holds no nulls (absent members are left out by the records themselves), so any
     * mapper with default naming gives the same tree.
     */
    public static String sha256Hex(DisclosureContent content) {
        return sha256Hex(EventJson.MAPPER.valueToTree(content));
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
