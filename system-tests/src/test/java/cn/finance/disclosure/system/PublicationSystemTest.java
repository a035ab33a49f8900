package cn.finance.disclosure.system;

import cn.finance.disclosure.stack.StaffClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The seed's disclosure, as the demo releases it through the real workflow, read anonymously through the gateway the
 * way a portal or a citizen reads it: the text is the published document (with its one known slip corrected), the
 * content hash recomputes from the JSON with an independent RFC 8785 canonicalizer, the immutable version answers 304,
 * and the release feed's chain checks out from the feed alone.
 */
class PublicationSystemTest {

    static final String SEED = "/public/v1/publications/405001/2024";
    static final String PUBLISHED_SLIP = "本部门2023年无使用政府性基金预算拨款安排的支出";
    static final String GENERATED = "本部门2024年无使用政府性基金预算拨款安排的支出";

    final StaffClient client = RunningStack.client();

    /** The demo drives the seed to a released version; give the events and steps time to get there. */
    @BeforeAll
    static void seedIsReleased() {
        StaffClient client = RunningStack.client();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        StaffClient.Answer last = null;
        while (Instant.now().isBefore(deadline)) {
            last = client.get(SEED, null);
            if (last.status() == 200) {
                return;
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        fail("the seed's disclosure 405001/2024 was not public within 60 s; last answer: " + last);
    }

    @Test
    void theFirstVersionsTextIsThePublishedDocumentSaveForItsKnownYearSlip() {
        StaffClient.Answer text = client.get(SEED + "/versions/1.txt", null);

        assertThat(text.status()).as(text.body()).isEqualTo(200);
        assertThat(text.header("Content-Type")).isEqualTo("text/plain;charset=UTF-8");
        String golden = resource("/seed/000_a2ccf8c857e9041a.txt");
        assertThat(golden).contains(PUBLISHED_SLIP);
        assertThat(normalize(text.body())).isEqualTo(normalize(golden.replace(PUBLISHED_SLIP, GENERATED)));
    }

    @Test
    void anyoneCanRecomputeTheContentHashFromTheVersionJson() {
        StaffClient.Answer version = client.get(SEED + "/versions/1", null);
        assertThat(version.status()).isEqualTo(200);
        JsonNode json = version.json();

        String recomputed = sha256(Jcs.canonicalize(json.get("content")));

        assertThat(json.get("contentHash").asString()).isEqualTo(recomputed);
        assertThat(version.header("ETag")).isEqualTo("\"" + recomputed + "\"");
        assertThat(json.get("departmentCode").asString()).isEqualTo("405001");
        assertThat(json.get("departmentName").asString()).isEqualTo("重庆市綦江区总工会（本级）");
        assertThat(json.get("content").get("text").asString())
                .isEqualTo(client.get(SEED + "/versions/1.txt", null).body());
        JsonNode current = client.get(SEED, null).json();
        assertThat(current.get("contentHash").asString()).matches("[0-9a-f]{64}");
        assertThat(sha256(Jcs.canonicalize(current.get("content")))).isEqualTo(current.get("contentHash").asString());
    }

    @Test
    void theImmutableVersionIsCachedAndRevalidatesWith304ThroughTheGateway() {
        StaffClient.Answer first = client.get(SEED + "/versions/1", null);
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(first.header("Cache-Control")).contains("public").contains("max-age=31536000").contains("immutable");

        StaffClient.Answer again = client.call("GET", SEED + "/versions/1", null, null, "If-None-Match", etag);

        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo(etag);
        assertThat(client.call("GET", SEED + "/versions/1", null, null, "If-None-Match", "\"something-else\"")
                .status()).isEqualTo(200);
    }

    @Test
    void theReleaseFeedsHashChainChecksOutFromTheFeedAlone() {
        List<JsonNode> entries = new ArrayList<>();
        String cursor = "0";
        while (true) {
            StaffClient.Answer page = client.get("/public/v1/releases?limit=50&after=" + cursor, null);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().get("entries").forEach(entries::add);
            cursor = page.json().get("next").asString();
            if (!page.json().get("hasMore").asBoolean()) {
                break;
            }
        }
        assertThat(entries).isNotEmpty();

        String previous = null;
        for (JsonNode entry : entries) {
            if (previous == null) {
                assertThat(entry.get("previousEntryHash").isNull()).isTrue();
            } else {
                assertThat(entry.get("previousEntryHash").asString()).isEqualTo(previous);
            }
            ObjectNode withoutHash = ((ObjectNode) entry).deepCopy();
            withoutHash.remove("entryHash");
            String recomputed = sha256(Jcs.canonicalize(withoutHash));
            assertThat(entry.get("entryHash").asString()).as("entry %s", entry.get("sequence")).isEqualTo(recomputed);
            previous = recomputed;
        }
        String seedHash = client.get(SEED + "/versions/1", null).json().get("contentHash").asString();
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.get("type").asString()).isEqualTo("released");
            assertThat(e.get("departmentCode").asString()).isEqualTo("405001");
            assertThat(e.get("version").asInt()).isEqualTo(1);
            assertThat(e.get("contentHash").asString()).isEqualTo(seedHash);
        });
    }

    @Test
    void draftsAndUnknownAddressesAreNotFoundAsProblems() {
        StaffClient.Answer unknown = client.get("/public/v1/publications/405002/2024", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(client.get(SEED + "/versions/99", null).status()).isEqualTo(404);
        assertThat(client.get(SEED + "/versions/1/tables/no-such-table.csv", null).status()).isEqualTo(404);
        assertThat(client.get(SEED + "/versions/1/tables/income-expenditure-summary.csv", null).status())
                .isEqualTo(200);
    }

    static List<String> normalize(String text) {
        return Arrays.stream(text.split("\\R"))
                .map(line -> line.replaceAll("[ \\t\\u3000]+", " ").strip())
                .filter(line -> !line.isEmpty())
                .toList();
    }

    static String resource(String path) {
        try (InputStream in = PublicationSystemTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the classpath (shipped by local-stack)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A deliberately separate RFC 8785 canonicalizer, as a portal would write one: members sorted by UTF-16 code
     * units, no whitespace, minimal string escapes. Disclosures hold only strings, integers, booleans and nulls (amounts
     * are strings), so a non-integral number is refused rather than guessed at.
     */
    static final class Jcs {

        static String canonicalize(JsonNode node) {
            StringBuilder out = new StringBuilder();
            write(out, node);
            return out.toString();
        }

        private static void write(StringBuilder out, JsonNode node) {
            if (node.isObject()) {
                Map<String, JsonNode> sorted = new TreeMap<>();
                node.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
                out.append('{');
                String separator = "";
                for (Map.Entry<String, JsonNode> member : sorted.entrySet()) {
                    out.append(separator);
                    string(out, member.getKey());
                    out.append(':');
                    write(out, member.getValue());
                    separator = ",";
                }
                out.append('}');
            } else if (node.isArray()) {
                out.append('[');
                String separator = "";
                for (JsonNode element : node) {
                    out.append(separator);
                    write(out, element);
                    separator = ",";
                }
                out.append(']');
            } else if (node.isString()) {
                string(out, node.asString());
            } else if (node.isIntegralNumber() && node.canConvertToLong()
                    && Math.abs(node.longValue()) <= (1L << 53)) {
                out.append(node.longValue());
            } else if (node.isBoolean()) {
                out.append(node.booleanValue());
            } else if (node.isNull()) {
                out.append("null");
            } else {
                throw new IllegalArgumentException("unexpected JSON value in a disclosure: " + node);
            }
        }

        private static void string(StringBuilder out, String s) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\b' -> out.append("\\b");
                    case '\f' -> out.append("\\f");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }
    }
}
