package cn.finance.disclosure.publication.disclosure;

import cn.finance.disclosure.model.TextAuditor;
import java.util.List;

import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.publication.document.CanonicalJson;
import cn.finance.disclosure.publication.document.ContentHash;
import cn.finance.disclosure.publication.document.DisclosureContent;
import tools.jackson.databind.JsonNode;

/**
 * A disclosure's content as stored and served: the RFC 8785 canonical JSON of the tree {@link ContentHash} hashes, and
 * that hash. Storing the canonical text means the bytes served are the bytes hashed, whatever the database does to
 * numbers or member order.
 */
public record GeneratedContent(String json, String hash, List<TextAuditor.AuditFinding> audit) {

    public GeneratedContent {
        audit = audit == null ? List.of() : List.copyOf(audit);
    }

    public static GeneratedContent of(DisclosureContent content) {
        return of(content, List.of());
    }

    /** The content with what the text auditor found in it (kept beside the content, never part of what is hashed). */
    public static GeneratedContent of(DisclosureContent content, List<TextAuditor.AuditFinding> audit) {
        JsonNode tree = EventJson.MAPPER.valueToTree(content);
        return new GeneratedContent(CanonicalJson.canonicalize(tree), ContentHash.sha256Hex(tree), audit);
    }

    public static JsonNode tree(String contentJson) {
        return EventJson.MAPPER.readTree(contentJson);
    }

    public static DisclosureContent content(String contentJson) {
        return EventJson.MAPPER.readValue(contentJson, DisclosureContent.class);
    }
}
