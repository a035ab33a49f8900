package cn.finance.disclosure.portal.verify;

import tools.jackson.databind.JsonNode;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, lowercase hex, of the canonical JSON: the platform's content and feed entry hashes. */
public final class Hashes {

    private Hashes() {
    }

    public static String sha256Hex(JsonNode node) {
        return sha256Hex(Jcs.canonicalBytes(node));
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
