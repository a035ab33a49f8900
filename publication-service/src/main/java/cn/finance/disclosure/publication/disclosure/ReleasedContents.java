package cn.finance.disclosure.publication.disclosure;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;

/**
 * The content of released versions, one immutable document per version in {@code published_contents}, outside the
 * disclosure so that its steps never load it. Written once, before the disclosure write that references it; never
 * updated.
 *
 * <p>It takes plain keys, never the disclosure: a class that handles the disclosure may not insert documents (the
 * outbox write rule), and whether a version is referenced is the disclosure's to say. The release step stores the
 * content; {@link DisclosureProjections#releasedContent} reads it for a version the disclosure holds.
 *
 * <p>The id holds the content hash ({@code 405001-2024-v1-<sha256>}): a release that stored its content and then lost
 * its disclosure write (a crash, a concurrent step) leaves a document nothing references, and the next attempt at that
 * version number, perhaps with other content, stores its own beside it instead of being refused forever. Reads go
 * through a version the disclosure holds and look up exactly its number and hash, so such a leftover is never served.
 */
@Component
public class ReleasedContents {

    static final String COLLECTION = "published_contents";
    static final String DEPARTMENT_CODE = "departmentCode";
    static final String FISCAL_YEAR = "fiscalYear";
    static final String VERSION = "version";
    static final String CONTENT_HASH = "contentHash";
    static final String CONTENT_JSON = "contentJson";
    static final String STORED_AT = "storedAt";

    private final MongoTemplate mongo;
    private final Clock clock;

    public ReleasedContents(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    static String idOf(String departmentCode, int fiscalYear, int number, String contentHash) {
        return departmentCode + "-" + fiscalYear + "-v" + number + "-" + contentHash;
    }

    /**
     * Stores a version's content once: storing the same again changes nothing (a retried step), anything else under
     * the same id is refused.
     *
     * @param contentJson the canonical JSON, exactly the bytes {@code contentHash} is computed over
     * @throws ContentRefused when the content does not hash to {@code contentHash}, or other content is stored under
     *                        the id
     */
    void store(String departmentCode, int fiscalYear, int number, String contentHash, String contentJson) {
        String id = idOf(departmentCode, fiscalYear, number, contentHash);
        requireHash(id, contentJson, contentHash);
        Document content = new Document("_id", id)
                .append(DEPARTMENT_CODE, departmentCode)
                .append(FISCAL_YEAR, fiscalYear)
                .append(VERSION, number)
                .append(CONTENT_HASH, contentHash)
                .append(CONTENT_JSON, contentJson)
                .append(STORED_AT, Date.from(clock.instant()));
        try {
            mongo.insert(content, COLLECTION);
        } catch (DuplicateKeyException stored) {
            Document existing = mongo.findById(id, Document.class, COLLECTION);
            if (existing == null || !contentJson.equals(existing.getString(CONTENT_JSON))
                    || !contentHash.equals(existing.getString(CONTENT_HASH))) {
                throw new ContentRefused("released content " + id + " is stored already with other content;"
                        + " released content is never replaced");
            }
        }
    }

    /**
     * The content stored under a version's number and hash, checked against that hash. Only for a version a
     * disclosure holds as released: {@link DisclosureProjections#releasedContent} is the way in.
     *
     * @throws ContentRefused when the stored content is missing or does not hash to {@code contentHash}
     */
    String json(String departmentCode, int fiscalYear, int number, String contentHash) {
        String id = idOf(departmentCode, fiscalYear, number, contentHash);
        Document stored = mongo.findById(id, Document.class, COLLECTION);
        if (stored == null) {
            throw new ContentRefused("released content " + id + " is missing");
        }
        String json = stored.getString(CONTENT_JSON);
        requireHash(id, json, contentHash);
        return json;
    }

    /** Cheap (one SHA-256 over about 34 KB): the stored text is the canonical JSON, so its bytes are what is hashed. */
    private static void requireHash(String id, String contentJson, String contentHash) {
        if (contentJson == null || !sha256Hex(contentJson).equals(contentHash)) {
            throw new ContentRefused("released content " + id + " does not hash to " + contentHash);
        }
    }

    private static String sha256Hex(String canonicalJson) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonicalJson.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Released content that cannot be stored or served as it is: immutability or integrity would be broken. */
    public static final class ContentRefused extends IllegalStateException {
        ContentRefused(String message) {
            super(message);
        }
    }
}
