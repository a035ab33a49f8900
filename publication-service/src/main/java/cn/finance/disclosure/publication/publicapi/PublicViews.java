package cn.finance.disclosure.publication.publicapi;

import cn.finance.disclosure.publication.disclosure.Disclosure;
import cn.finance.disclosure.publication.disclosure.GeneratedContent;
import cn.finance.disclosure.publication.disclosure.PublishedVersion;
import cn.finance.disclosure.publication.document.TableCodes;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The public read API's answers: released versions only, never a draft and never who did what. */
final class PublicViews {

    private PublicViews() {
    }

    /** One entry of the public list: a disclosure's current version. */
    record ListItem(String departmentCode, String departmentName, int fiscalYear, int version, Instant releasedAt,
                    String contentHash, String link) {
    }

    record ListPage(List<ListItem> items, int page, int size, long total) {
    }

    /**
     * One version: metadata beside {@code content}, the exact tree whose RFC 8785 canonical JSON hashes to
     * {@code contentHash}. Only what never changes about a version is here ({@code reason} is a correction's public
     * reason, fixed at release), so the document is as immutable as its ETag and cache headers say; whether it is
     * current, superseded or withdrawn is in the version list ({@code links.versions}) and the release feed.
     */
    record VersionDocument(String departmentCode, String departmentName, int fiscalYear, int version,
                           Instant releasedAt, boolean correction, String reason, Integer supersedes,
                           String contentHash, Links links, JsonNode content) {

        static VersionDocument of(Disclosure d, PublishedVersion v, String contentJson) {
            JsonNode content = GeneratedContent.tree(contentJson);
            // the name as released, from the immutable content, like everything else that describes this version
            return new VersionDocument(d.departmentCode(), content.path("departmentName").stringValue(),
                    d.fiscalYear(), v.number(), v.releasedAt(), v.correction(), v.reason(), v.supersedes(),
                    v.contentHash(), Links.of(d, v, content), content);
        }
    }

    record Links(String self, String text, String html, String xlsx, String pdf, String versions,
                 Map<String, String> tables) {
        static Links of(Disclosure d, PublishedVersion v, JsonNode content) {
            String self = d.versionPath(v.number());
            JsonNode tables = content.path("tables");
            Map<String, String> byCode = new LinkedHashMap<>();
            for (String code : TableCodes.ALL) {
                for (JsonNode t : tables) {
                    if (code.equals(t.path("code").stringValue())) {
                        byCode.put(code, self + "/tables/" + code + ".csv");
                    }
                }
            }
            return new Links(self, self + ".txt", self + ".html", self + ".xlsx", self + ".pdf",
                    Disclosure.publicPath(d.departmentCode(), d.fiscalYear()) + "/versions", byCode);
        }
    }

    /** A version as the version list shows it: status and reasons, without the content. */
    record VersionEntry(int version, String status, Instant releasedAt, String contentHash, boolean correction,
                        String reason, Integer supersedes, Integer supersededBy, Instant withdrawnAt,
                        String withdrawalReason, String link) {

        static VersionEntry of(Disclosure d, PublishedVersion v) {
            return new VersionEntry(v.number(), v.status().wire(), v.releasedAt(), v.contentHash(), v.correction(),
                    v.reason(), v.supersedes(), v.supersededBy(), v.withdrawnAt(), v.withdrawalReason(),
                    d.versionPath(v.number()));
        }
    }

    record VersionList(String departmentCode, String departmentName, int fiscalYear, Integer currentVersion,
                       List<VersionEntry> versions) {
    }
}
