package cn.finance.disclosure.publication;

import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.publication.document.CanonicalJson;
import cn.finance.disclosure.publication.document.ContentHash;
import cn.finance.disclosure.publication.document.CsvRenderer;
import cn.finance.disclosure.publication.document.DisclosureContent;
import cn.finance.disclosure.publication.document.TableCodes;
import cn.finance.disclosure.testing.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public read API, anonymous: released versions as JSON (hash recomputable from the JSON alone), text, HTML (every
 * user text escaped) and CSV, immutable with ETags and 304, drafts never visible, 404 and 400 as problems, and the
 * release feed whose hash chain anyone can check from the feed alone.
 */
class PublicReadApiIntegrationTest extends PublicationIntegrationTest {

    static final String HOSTILE = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>' onmouseover='x' & co";

    static String path(String code) {
        return "/public/v1/publications/" + code + "/2024";
    }

    static void assertProblem(Http.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void givenTheSeedReleased_thenItsTextIsTheGoldenDocument_andItsHashRecomputesFromTheJson() {
        String code = newCode();
        seedReleased(code);

        Http.Response text = http().get(path(code) + "/versions/1.txt", null);
        assertThat(text.status()).isEqualTo(200);
        assertThat(text.header("Content-Type")).isEqualTo("text/plain;charset=UTF-8");
        assertThat(Seed.normalize(text.body())).isEqualTo(Seed.normalize(Seed.goldenText()));

        Http.Response version = http().get(path(code) + "/versions/1", null);
        assertThat(version.status()).isEqualTo(200);
        JsonNode v = json(version);
        String hash = v.get("contentHash").stringValue();
        assertThat(sha256(CanonicalJson.canonicalize(v.get("content")))).isEqualTo(hash);
        assertThat(v.get("content").get("text").stringValue()).isEqualTo(text.body());
        assertThat(v.get("departmentCode").stringValue()).isEqualTo(code);
        assertThat(v.get("departmentName").stringValue()).isEqualTo(Seed.name());
        assertThat(v.get("fiscalYear").asInt()).isEqualTo(2024);
        assertThat(v.get("version").asInt()).isEqualTo(1);
        assertThat(v.has("status")).as("a version's JSON holds only what never changes").isFalse();
        assertThat(v.get("links").get("versions").stringValue()).isEqualTo(path(code) + "/versions");
        assertThat(v.get("releasedAt").stringValue()).isNotBlank();
        assertThat(v.get("content").get("figures").get("expenditureTotal").stringValue()).isEqualTo("2766200.00");
        assertThat(v.get("content").get("sections").size()).isEqualTo(6);
        assertThat(v.get("links").get("tables").get("income-expenditure-summary").stringValue())
                .isEqualTo(path(code) + "/versions/1/tables/income-expenditure-summary.csv");
        assertThat(version.body()).doesNotContain("confirmed").doesNotContain("bureau-publisher")
                .doesNotContain("head-of-");

        JsonNode current = json(http().get(path(code), null));
        assertThat(current.get("version").asInt()).isEqualTo(1);
        assertThat(current.get("contentHash").stringValue()).isEqualTo(hash);
    }

    @Test
    void givenAReleasedVersion_thenItIsImmutableAndCached_andIfNoneMatchGives304() {
        String code = newCode();
        seedReleased(code);
        Http.Response first = http().get(path(code) + "/versions/1", null);
        String hash = json(first).get("contentHash").stringValue();

        assertThat(first.header("ETag")).isEqualTo("\"" + hash + "\"");
        assertThat(first.header("Cache-Control")).isEqualTo("max-age=31536000, public, immutable");
        for (String ifNoneMatch : new String[]{"\"" + hash + "\"", "W/\"" + hash + "\"", "\"x\", \"" + hash + "\"",
                "*"}) {
            Http.Response again = http().get(path(code) + "/versions/1", null, "If-None-Match", ifNoneMatch);
            assertThat(again.status()).as(ifNoneMatch).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(again.header("ETag")).isEqualTo("\"" + hash + "\"");
            assertThat(again.header("Cache-Control")).isEqualTo("max-age=31536000, public, immutable");
        }
        assertThat(http().get(path(code) + "/versions/1", null, "If-None-Match", "\"other\"").status())
                .isEqualTo(200);

        for (String suffix : new String[]{".txt", ".html", "/tables/three-public-expenses.csv"}) {
            Http.Response r = http().get(path(code) + "/versions/1" + suffix, null);
            assertThat(r.status()).as(suffix).isEqualTo(200);
            assertThat(r.header("ETag")).as(suffix).startsWith("\"" + hash).isNotEqualTo("\"" + hash + "\"");
            assertThat(r.header("Cache-Control")).as(suffix).contains("immutable");
            assertThat(http().get(path(code) + "/versions/1" + suffix, null, "If-None-Match", r.header("ETag"))
                    .status()).as(suffix).isEqualTo(304);
        }
        Http.Response current = http().get(path(code), null);
        assertThat(current.header("Cache-Control")).contains("no-cache");
        assertThat(http().get(path(code), null, "If-None-Match", current.header("ETag")).status()).isEqualTo(304);
    }

    @Test
    void givenHostileTextInProfileAndBudget_whenReleased_thenTheHtmlPageShowsItEscapedAndRunsNothing() throws Exception {
        String code = newCode();
        String name = "测试单位" + HOSTILE;
        EVENTS.registered(code, name);
        EVENTS.profile(code, name, 0, Seed.profile(p -> {
            ((ArrayNode) p.get("functions")).add(HOSTILE);
            ((ArrayNode) p.get("divisions")).addObject().put("name", HOSTILE).put("responsibilities", HOSTILE);
            ((ObjectNode) p.get("disclosureContact")).put("name", HOSTILE);
        }));
        EVENTS.approved(code, 1, submitter(code), APPROVER, Instant.now(), Seed.budget(code, b -> {
            b.put("basicExpenditureUse", HOSTILE).put("projectExpenditureUse", HOSTILE);
            ((ObjectNode) b.get("projects").get(0)).put("name", HOSTILE);
            ((ObjectNode) b.get("changeExplanations")).put("revenue", HOSTILE);
        }));
        String hash = awaitStatus(code, "DRAFT").get("draft").get("contentHash").stringValue();
        assertThat(http().post("/api/v1/publications/" + id(code) + "/confirmation", head(code), hashBody(hash))
                .status()).isEqualTo(200);
        assertThat(http().post("/api/v1/publications/" + id(code) + "/release", PUBLISHER, hashBody(hash)).status())
                .isEqualTo(201);

        Http.Response html = http().get(path(code) + "/versions/1.html", null);

        assertThat(html.status()).isEqualTo(200);
        assertThat(html.header("Content-Type")).isEqualTo("text/html;charset=UTF-8");
        assertThat(html.header("X-Content-Type-Options")).isEqualTo("nosniff");
        String style = html.body().substring(html.body().indexOf("<style>") + 7, html.body().indexOf("</style>"));
        String styleHash = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest
                .getInstance("SHA-256").digest(style.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(html.header("Content-Security-Policy")).as("only the page's own style may apply")
                .startsWith("default-src 'none'; ").contains("style-src 'sha256-" + styleHash + "'")
                .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(html.body()).doesNotContain("<script", "<img", "onerror=alert(1)>", "' onmouseover")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
                        + "&#39; onmouseover=&#39;x&#39; &amp; co")
                .contains("<title>测试单位&lt;script&gt;")
                .contains("<table id=\"table-income-expenditure-summary\">");
        // the text stays the people's own words, served as plain text that no browser renders as markup
        Http.Response text = http().get(path(code) + "/versions/1.txt", null);
        assertThat(text.body()).contains(HOSTILE);
        assertThat(text.header("Content-Type")).isEqualTo("text/plain;charset=UTF-8");
        // and the CSV does not hand a spreadsheet a formula
        Http.Response csv = http().get(path(code) + "/versions/1/tables/project-performance-targets.csv", null);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("<script>alert(1)</script>");
    }

    @Test
    void givenAReleasedVersion_thenEachStandardTableIsACsvFileOfItsFigures() {
        String code = newCode();
        seedReleased(code);
        JsonNode v = json(http().get(path(code) + "/versions/1", null));
        DisclosureContent content = EventJson.MAPPER.treeToValue(v.get("content"), DisclosureContent.class);

        for (String table : TableCodes.ALL) {
            Http.Response csv = http().get(path(code) + "/versions/1/tables/" + table + ".csv", null);
            if (content.findTable(table).isEmpty()) {
                assertProblem(csv, 404);
                continue;
            }
            assertThat(csv.status()).as(table).isEqualTo(200);
            assertThat(csv.header("Content-Type")).startsWith("text/csv;").contains("charset=UTF-8")
                    .contains("header=present");
            assertThat(csv.header("Content-Disposition")).contains(code + "-2024-v1-" + table + ".csv");
            String expected = new String(new CsvRenderer().render(content.findTable(table).orElseThrow()),
                    StandardCharsets.UTF_8);
            assertThat(csv.body()).as(table).isEqualTo(expected);
        }
        String summary = http().get(path(code) + "/versions/1/tables/income-expenditure-summary.csv", null).body();
        assertThat(summary).startsWith("\uFEFF").contains("\r\n").contains("276.62");
        assertProblem(http().get(path(code) + "/versions/1/tables/no-such-table.csv", null), 404);
    }

    @Test
    void givenDraftsOnly_thenNothingIsPublic() {
        String code = newCode();
        seedDraft(code);

        assertProblem(http().get(path(code), null), 404);
        assertProblem(http().get(path(code) + "/versions", null), 404);
        assertProblem(http().get(path(code) + "/versions/1", null), 404);
        assertProblem(http().get(path(code) + "/versions/1.txt", null), 404);
        JsonNode list = json(http().get("/public/v1/publications?q=" + code, null));
        assertThat(list.get("total").asLong()).isZero();
        assertThat(http().get(path(code), null).body()).doesNotContain("单位基本情况");
    }

    @Test
    void givenUnknownOrMalformedAddresses_thenProblems() {
        String code = newCode();
        seedReleased(code);

        assertProblem(http().get("/public/v1/publications/999998/2024", null), 404);
        assertProblem(http().get(path(code).replace("2024", "2023"), null), 404);
        assertProblem(http().get(path(code) + "/versions/9", null), 404);
        assertProblem(http().get(path(code) + "/versions/9.txt", null), 404);
        assertProblem(http().get(path(code) + "/versions/9.html", null), 404);
        assertProblem(http().get(path(code) + "/versions/1.docx", null), 404);
        assertProblem(http().get(path(code) + "/versions/9.pdf", null), 404);
        assertProblem(http().get(path(code) + "/versions/9.xlsx", null), 404);
        assertProblem(http().get(path(code) + "/versions/0", null), 400);
        assertProblem(http().get(path(code) + "/versions/abc", null), 400);
        assertProblem(http().get("/public/v1/publications/12ab/2024", null), 400);
        assertProblem(http().get("/public/v1/publications/" + code + "/year", null), 400);
        assertProblem(http().get("/public/v1/publications/" + code + "/1800", null), 400);
        for (String query : new String[]{"fiscalYear=abc", "fiscalYear=1999", "page=-1", "size=0", "size=101",
                "q=" + "x".repeat(101)}) {
            assertProblem(http().get("/public/v1/publications?" + query, null), 400);
        }
        for (String query : new String[]{"after=-1", "after=abc", "limit=0", "limit=501"}) {
            assertProblem(http().get("/public/v1/releases?" + query, null), 400);
        }
    }

    @Test
    void givenReleasesCorrectionsAndWithdrawals_thenTheListAndVersionsShowThem_andTheFeedChainVerifiesFromTheFeedAlone() {
        String code = newCode();
        String v1 = seedReleased(code).get("versions").get(0).get("contentHash").stringValue();
        EVENTS.approved(code, 2, submitter(code), actor("reviewer-2"), Instant.now(), Seed.budget(code, b ->
                b.put("basicExpenditureUse", "基本支出用于保障机构正常运转（更正）。")));
        String v2 = awaitStatus(code, "DRAFT").get("draft").get("contentHash").stringValue();
        assertThat(http().post("/api/v1/publications/" + id(code) + "/confirmation", head(code), hashBody(v2))
                .status()).isEqualTo(200);
        assertThat(http().post("/api/v1/publications/" + id(code) + "/correction", PUBLISHER,
                reasonBody(v2, "基本支出说明有误")).status()).isEqualTo(201);

        JsonNode list = json(http().get("/public/v1/publications?fiscalYear=2024&q=" + code, null));
        assertThat(list.get("items")).singleElement().satisfies(item -> {
            assertThat(item.get("version").asInt()).isEqualTo(2);
            assertThat(item.get("contentHash").stringValue()).isEqualTo(v2);
            assertThat(item.get("link").stringValue()).isEqualTo(path(code) + "/versions/2");
            assertThat(item.get("departmentName").stringValue()).isEqualTo(Seed.name());
        });
        assertThat(json(http().get("/public/v1/publications?q=綦江区总工会&size=100", null)).get("items")
                .valueStream().map(i -> i.get("departmentCode").stringValue())).contains(code);

        assertThat(http().post("/api/v1/publications/" + id(code) + "/withdrawal", PUBLISHER,
                reasonBody(v2, "待核实后重新发布")).status()).isEqualTo(200);
        Http.Response gone = http().get(path(code), null);
        assertProblem(gone, 410);
        assertThat(json(gone).get("versions").stringValue()).isEqualTo(path(code) + "/versions");
        JsonNode versions = json(http().get(path(code) + "/versions", null));
        assertThat(versions.get("currentVersion").isNull()).isTrue();
        assertThat(versions.get("versions").valueStream().map(x -> x.get("status").stringValue()))
                .containsExactly("superseded", "withdrawn");
        assertThat(versions.get("versions").get(1).get("reason").stringValue()).isEqualTo("基本支出说明有误");
        assertThat(versions.get("versions").get(1).get("withdrawalReason").stringValue()).isEqualTo("待核实后重新发布");
        // both stay readable, byte for byte as released (their statuses are in the list above)
        JsonNode old = json(http().get(path(code) + "/versions/1", null));
        assertThat(old.get("contentHash").stringValue()).isEqualTo(v1);
        assertThat(old.get("version").asInt()).isEqualTo(1);
        JsonNode withdrawn = json(http().get(path(code) + "/versions/2", null));
        assertThat(withdrawn.get("version").asInt()).isEqualTo(2);
        assertThat(withdrawn.get("reason").stringValue()).isEqualTo("基本支出说明有误");
        assertThat(json(http().get("/public/v1/publications?q=" + code, null)).get("total").asLong()).isZero();

        List<JsonNode> feed = wholeFeed(3);
        verifyChain(feed);
        List<JsonNode> mine = feed.stream().filter(e -> e.get("departmentCode").stringValue().equals(code)).toList();
        assertThat(mine).extracting(e -> e.get("type").stringValue())
                .containsExactly("released", "corrected", "withdrawn");
        assertThat(mine).extracting(e -> e.get("contentHash").stringValue()).containsExactly(v1, v2, v2);
        assertThat(mine.get(1).get("supersedes").asInt()).isEqualTo(1);
        assertThat(mine.get(1).get("reason").stringValue()).isEqualTo("基本支出说明有误");
        assertThat(mine.get(2).get("reason").stringValue()).isEqualTo("待核实后重新发布");
        assertThat(mine.get(0).get("link").stringValue()).isEqualTo(path(code) + "/versions/1");
    }

    /** Reads the whole feed page by page, following the cursor, as a portal syncing from scratch would. */
    List<JsonNode> wholeFeed(int atLeast) {
        List<JsonNode> entries = new ArrayList<>();
        String cursor = "0";
        while (true) {
            Http.Response page = http().get("/public/v1/releases?limit=2&after=" + cursor, null);
            assertThat(page.status()).isEqualTo(200);
            JsonNode body = json(page);
            body.get("entries").forEach(entries::add);
            cursor = body.get("next").stringValue();
            if (!body.get("hasMore").asBoolean()) {
                break;
            }
        }
        assertThat(entries).hasSizeGreaterThanOrEqualTo(atLeast);
        return entries;
    }

    /** The check any portal can make with nothing but the feed and an RFC 8785 canonicalizer. */
    static void verifyChain(List<JsonNode> feed) {
        String previous = null;
        long sequence = 0;
        for (JsonNode entry : feed) {
            assertThat(entry.get("sequence").asLong()).isEqualTo(++sequence);
            if (previous == null) {
                assertThat(entry.get("previousEntryHash").isNull()).as("the first entry links to nothing").isTrue();
            } else {
                assertThat(entry.get("previousEntryHash").stringValue()).as("entry " + sequence).isEqualTo(previous);
            }
            ObjectNode withoutHash = ((ObjectNode) entry).deepCopy();
            withoutHash.remove("entryHash");
            String recomputed = sha256(CanonicalJson.canonicalize(withoutHash));
            assertThat(entry.get("entryHash").stringValue()).as("entry " + sequence).isEqualTo(recomputed);
            assertThat(ContentHash.sha256Hex(withoutHash)).isEqualTo(recomputed);
            previous = recomputed;
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
