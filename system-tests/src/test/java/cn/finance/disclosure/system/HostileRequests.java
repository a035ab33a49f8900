package cn.finance.disclosure.system;

import cn.finance.disclosure.stack.StaffClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A generated corpus of hostile requests against write endpoints. Each {@link Endpoint} names a base request that the
 * system refuses even when it is perfectly valid (registering a code that exists, a stale If-Match, a transition on an
 * object in the wrong state, a CSV that always holds an invalid line), so no mutation can change stored state even if
 * it happens to yield a valid request. The generator derives every request from that base by one {@link Kind} of
 * mutation, guided by the base body's shape (its string, number, amount, array and object members).
 *
 * <p>Mutations that could turn an identity into another valid one are never generated: integer tokens are not put into
 * an endpoint's identity fields (a department code, a fiscal year), the path mutations use only values no route accepts
 * as another object, and If-Match {@code *} is only sent where the base state refuses the write anyway.
 */
final class HostileRequests {

    /** The kinds of mutation, each a category of the report. */
    enum Kind {
        WRONG_TYPE("a member replaced by a value of another JSON type"),
        MISSING_FIELD("a member removed"),
        UNKNOWN_FIELD("an extra member: unknown, or mass-assignment of _id, version, status, ..."),
        HUGE_STRING("a text member of 200 000 characters up to just under the 1 MB body limit"),
        HUGE_ARRAY("an array grown to tens of thousands of elements, still under 1 MB"),
        DEEP_NESTING("arrays or objects nested thousands of levels deep, as a member or as the whole body"),
        INVALID_UTF8("raw bytes that are not UTF-8: stray continuation, 0xFF, surrogates, overlong, truncated"),
        NUMBER_RANGE("numbers beyond int/long/double range or precision, amounts with 3 decimals or 14 digits"),
        NEGATIVE_AMOUNT("negative amounts and counts"),
        OPERATOR_KEY("MongoDB operators and prototype keys: $gt, $where, $ne, __proto__, constructor, dotted keys"),
        MARKUP("script, markup, control characters, template and formula injection in texts"),
        OVERSIZED_BODY("a body above the 1 MB limit, declared by Content-Length (and with Expect: 100-continue)"),
        NO_LENGTH("a chunked body without Content-Length"),
        WRONG_CONTENT_TYPE("text/plain, XML, form, multipart, YAML, none, unparseable or unknown charsets"),
        MALFORMED_JSON("truncated, trailing garbage, empty, null, [], scalars, comments, single quotes, duplicates"),
        BAD_PATH("path parameters of the wrong shape: traversal, encoded slash, NUL, bad UTF-8, huge, out of range"),
        BAD_IF_MATCH("If-Match malformed, stale, overflowing, a list, weak, missing"),
        HOSTILE_HEADER("unparseable Accept, method override, huge or odd headers, a Content-Encoding that lies");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    enum BodyKind { JSON, CSV, NONE }

    /**
     * One write endpoint and its refused base request.
     *
     * @param template       path with {@code {param}} placeholders, filled from {@code params}
     * @param ifMatch        the If-Match the base sends, null when the endpoint takes none
     * @param ifMatchAnySafe whether If-Match {@code *} with the base body is still refused (the state forbids the write)
     * @param identityFields top-level members that name the object (code, fiscal year): no integer tokens go there
     * @param baseRefusal    the statuses the base request must get
     */
    record Endpoint(String name, String method, String template, Map<String, String> params, String user,
                    String ifMatch, boolean ifMatchAnySafe, BodyKind bodyKind, JsonNode json, String csv,
                    Set<String> identityFields, Set<Integer> baseRefusal) {

        String path(String param, String value) {
            String path = template;
            for (Map.Entry<String, String> p : params.entrySet()) {
                path = path.replace("{" + p.getKey() + "}", p.getKey().equals(param) ? value : p.getValue());
            }
            return path;
        }

        String basePath() {
            return path(null, null);
        }

        byte[] baseBody() {
            return switch (bodyKind) {
                case JSON -> StaffClient.JSON.writeValueAsBytes(json);
                case CSV -> csv.getBytes(StandardCharsets.UTF_8);
                case NONE -> null;
            };
        }

        String baseContentType() {
            return switch (bodyKind) {
                case JSON -> "application/json";
                case CSV -> "text/csv; charset=UTF-8";
                case NONE -> null;
            };
        }
    }

    /** One hostile request: {@code headers} are name/value pairs besides Authorization; {@code body} null = none. */
    record Request(Kind kind, Endpoint endpoint, String what, String method, String path, List<String> headers,
                   byte[] body, boolean chunked, boolean expectContinue) {

        @Override
        public String toString() {
            String shownPath = path.length() > 120 ? path.substring(0, 120) + "…(" + path.length() + " chars)" : path;
            return kind + " " + endpoint.name() + " [" + what + "] " + method + " " + shownPath;
        }
    }

    static final String PLACEHOLDER = "HOSTILE-PLACEHOLDER-9c1e";
    private static final Pattern AMOUNT = Pattern.compile("(0|[1-9][0-9]*)\\.[0-9]{2}");
    private static final Pattern INTEGER_TOKEN = Pattern.compile("-?[0-9]{1,13}");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The one line every generated CSV carries: a code of one digit is no valid code of either kind. */
    static final String INVALID_CSV_LINE = "9,无效编码";

    private HostileRequests() {
    }

    /** The whole corpus for {@code endpoints}, in a stable order. */
    static List<Request> generate(List<Endpoint> endpoints) {
        List<Request> all = new ArrayList<>();
        for (int i = 0; i < endpoints.size(); i++) {
            Endpoint e = endpoints.get(i);
            Builder b = new Builder(e, i);
            switch (e.bodyKind()) {
                case JSON -> jsonBodyMutations(b);
                case CSV -> csvBodyMutations(b);
                case NONE -> ignoredBodyMutations(b);
            }
            transportMutations(b);
            pathMutations(b);
            ifMatchMutations(b);
            headerMutations(b);
            all.addAll(b.requests);
        }
        return all;
    }

    /** Collects one endpoint's requests; every request starts from the base and changes one thing. */
    private static final class Builder {
        final Endpoint e;
        final int salt;
        final List<Request> requests = new ArrayList<>();

        Builder(Endpoint e, int salt) {
            this.e = e;
            this.salt = salt;
        }

        /**
         * Every {@code every}-th item, starting at an offset that differs per endpoint (and per {@code lane}): the
         * endpoints share the variants out between them, so each variant is sent somewhere without sending every
         * variant everywhere.
         */
        <T> List<T> rotate(List<T> items, int every, int lane) {
            List<T> picked = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                if ((i + salt + lane) % every == 0) {
                    picked.add(items.get(i));
                }
            }
            return picked;
        }

        List<String> baseHeaders(String contentType) {
            List<String> h = new ArrayList<>();
            if (contentType != null) {
                h.add("Content-Type");
                h.add(contentType);
            }
            if (e.ifMatch() != null) {
                h.add("If-Match");
                h.add(e.ifMatch());
            }
            return h;
        }

        /** The base request with another body (the base's content type, or JSON for body-less endpoints). */
        void body(Kind kind, String what, byte[] body) {
            String type = e.bodyKind() == BodyKind.NONE ? "application/json" : e.baseContentType();
            requests.add(new Request(kind, e, what, e.method(), e.basePath(), baseHeaders(type), body, false, false));
        }

        void json(Kind kind, String what, JsonNode body) {
            body(kind, what, StaffClient.JSON.writeValueAsBytes(body));
        }

        void withContentType(Kind kind, String what, String contentType, byte[] body) {
            requests.add(new Request(kind, e, what, e.method(), e.basePath(), baseHeaders(contentType), body, false,
                    false));
        }

        void withHeaders(Kind kind, String what, List<String> headers, byte[] body, boolean chunked,
                         boolean expectContinue) {
            requests.add(new Request(kind, e, what, e.method(), e.basePath(), headers, body, chunked, expectContinue));
        }

        void withPath(Kind kind, String what, String path) {
            byte[] body = e.baseBody();
            requests.add(new Request(kind, e, what, e.method(), path, baseHeaders(e.baseContentType()), body, false,
                    false));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // JSON bodies: mutations guided by the base body's members

    private static void jsonBodyMutations(Builder b) {
        JsonNode base = b.e.json();
        List<List<Object>> top = new ArrayList<>();
        base.propertyNames().forEach(name -> top.add(List.of(name)));
        List<List<Object>> leaves = leaves(base, List.of());
        List<List<Object>> nested = new ArrayList<>();
        for (List<Object> field : top) {
            leaves.stream().filter(l -> l.size() > 1 && l.get(0).equals(field.get(0))).findFirst().ifPresent(nested::add);
        }
        List<List<Object>> strings = spread(leaves.stream().filter(p -> at(base, p).isString()).toList(), 6);
        List<List<Object>> numbers = spread(leaves.stream().filter(p -> at(base, p).isNumber()).toList(), 4);
        List<List<Object>> amounts = spread(leaves.stream()
                .filter(p -> at(base, p).isString() && AMOUNT.matcher(at(base, p).asString()).matches()).toList(), 4);
        List<List<Object>> arrays = containers(base, List.of(), true);
        List<List<Object>> objects = containers(base, List.of(), false);

        // WRONG_TYPE: each member as another JSON type (a scalar and a container), nested members once
        for (int t = 0; t < top.size(); t++) {
            List<Object> p = top.get(t);
            for (JsonNode other : top.size() > 3 ? b.rotate(otherTypes(at(base, p)), 2, t) : otherTypes(at(base, p))) {
                b.json(Kind.WRONG_TYPE, show(p) + " as " + other.getNodeType(), with(base, p, other));
            }
        }
        for (List<Object> p : nested) {
            JsonNode other = otherTypes(at(base, p)).get(0);
            b.json(Kind.WRONG_TYPE, show(p) + " as " + other.getNodeType(), with(base, p, other));
        }
        b.json(Kind.WRONG_TYPE, "the body's members wrapped in an array", NODES.arrayNode().add(base.deepCopy()));

        // MISSING_FIELD
        for (List<Object> p : top) {
            b.json(Kind.MISSING_FIELD, "without " + show(p), without(base, p));
        }
        for (List<Object> p : nested) {
            if (p.get(p.size() - 1) instanceof String) {
                b.json(Kind.MISSING_FIELD, "without " + show(p), without(base, p));
            }
        }
        for (List<Object> p : top.size() > 3 ? b.rotate(top, 2, 1) : top) {
            b.json(Kind.MISSING_FIELD, show(p) + " = null", with(base, p, NODES.nullNode()));
        }

        // UNKNOWN_FIELD: unknown members and attempts to assign what the server owns
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        extra.put("unexpected", NODES.numberNode(1));
        extra.put("_id", NODES.stringNode("405001-2024-r9"));
        extra.put("_class", NODES.stringNode("java.lang.Runtime"));
        extra.put("id", NODES.stringNode("hijacked"));
        extra.put("version", NODES.numberNode(0));
        extra.put("status", NODES.stringNode("APPROVED"));
        extra.put("approvedBy", NODES.objectNode().put("username", "bureau-reviewer"));
        extra.put("outbox", NODES.arrayNode().add(NODES.objectNode().put("topic", "finance.budget.events")));
        extra.put("", NODES.stringNode("empty key"));
        for (Map.Entry<String, JsonNode> x : b.rotate(List.copyOf(extra.entrySet()), 3, 0)) {
            ObjectNode copy = (ObjectNode) base.deepCopy();
            copy.set(x.getKey(), x.getValue());
            b.json(Kind.UNKNOWN_FIELD, "extra member '" + x.getKey() + "'", copy);
        }
        for (List<Object> p : objects) {
            if (!p.isEmpty()) {
                JsonNode copy = base.deepCopy();
                ((ObjectNode) at(copy, p)).put("unexpected", true);
                b.json(Kind.UNKNOWN_FIELD, "extra member in " + show(p), copy);
            }
        }

        // HUGE_STRING
        for (List<Object> p : strings.subList(0, Math.min(3, strings.size()))) {
            b.json(Kind.HUGE_STRING, show(p) + " of 200 000 chars", with(base, p, NODES.stringNode("x".repeat(200_000))));
        }
        if (!strings.isEmpty()) {
            List<Object> p = strings.get(0);
            b.json(Kind.HUGE_STRING, show(p) + " of 300 000 CJK chars (900 KB)",
                    with(base, p, NODES.stringNode("中".repeat(300_000))));
            b.json(Kind.HUGE_STRING, show(p) + " of 100 000 emoji (surrogate pairs)",
                    with(base, p, NODES.stringNode("😀".repeat(100_000))));
        }
        b.json(Kind.HUGE_STRING, "a member name of 100 000 chars",
                ((ObjectNode) base.deepCopy()).put("k".repeat(100_000), 1));

        // HUGE_ARRAY
        for (List<Object> p : arrays) {
            JsonNode array = at(base, p);
            JsonNode element = array.isEmpty() ? NODES.stringNode("x") : array.get(0);
            int size = StaffClient.JSON.writeValueAsBytes(element).length + 1;
            int count = Math.max(2, Math.min(100_000, 900_000 / size));
            ArrayNode grown = NODES.arrayNode();
            for (int i = 0; i < count; i++) {
                grown.add(element.deepCopy());
            }
            b.json(Kind.HUGE_ARRAY, show(p) + " with " + count + " elements", with(base, p, grown));
        }
        for (List<Object> p : top.subList(0, Math.min(2, top.size()))) {
            b.body(Kind.HUGE_ARRAY, show(p) + " as an array of 200 000 zeros",
                    splice(base, p, ("[" + "0,".repeat(199_999) + "0]").getBytes(StandardCharsets.US_ASCII)));
        }
        b.body(Kind.HUGE_ARRAY, "the body as an array of 300 000 nulls",
                ("[" + "null,".repeat(299_999) + "null]").getBytes(StandardCharsets.US_ASCII));

        // DEEP_NESTING
        for (List<Object> p : top.subList(0, Math.min(2, top.size()))) {
            b.body(Kind.DEEP_NESTING, show(p) + " as arrays 5 000 deep", splice(base, p, deepArrays(5_000)));
        }
        b.body(Kind.DEEP_NESTING, show(top.get(0)) + " as objects 3 000 deep", splice(base, top.get(0), deepObjects(3_000)));
        b.body(Kind.DEEP_NESTING, show(top.get(0)) + " as arrays 400 deep", splice(base, top.get(0), deepArrays(400)));
        b.body(Kind.DEEP_NESTING, "the body as arrays 50 000 deep", deepArrays(50_000));
        b.body(Kind.DEEP_NESTING, "the body as objects 10 000 deep", deepObjects(10_000));

        // INVALID_UTF8: raw bytes inside a string member, a member name, or the whole body in GBK
        Map<String, byte[]> invalid = invalidUtf8();
        List<List<Object>> utf8Targets = strings.subList(0, Math.min(1, strings.size()));
        for (List<Object> p : utf8Targets) {
            for (Map.Entry<String, byte[]> bad : b.rotate(List.copyOf(invalid.entrySet()), 2, 0)) {
                b.body(Kind.INVALID_UTF8, show(p) + " with " + bad.getKey(),
                        splice(base, p, concat(quoteOpen(at(base, p).asString()), bad.getValue(), new byte[]{'"'})));
            }
        }
        b.body(Kind.INVALID_UTF8, "a member name with 0xFF", replaceFirst(StaffClient.JSON.writeValueAsBytes(base),
                ("\"" + top.get(0).get(0) + "\"").getBytes(StandardCharsets.UTF_8),
                concat(new byte[]{'"', (byte) 0xFF}, (top.get(0).get(0) + "\"").getBytes(StandardCharsets.UTF_8))));
        b.body(Kind.INVALID_UTF8, "the whole body encoded as GBK, sent as UTF-8",
                StaffClient.JSON.writeValueAsString(base).getBytes(Charset.forName("GBK")));
        byte[] whole = StaffClient.JSON.writeValueAsBytes(base);
        b.body(Kind.INVALID_UTF8, "the body cut inside a multi-byte character",
                cutInsideMultibyte(whole));

        // NUMBER_RANGE
        List<String> tokens = List.of("1e400", "-1e400", "1e-400", "9223372036854775808", "2147483648", "1.5", "-0",
                "9".repeat(1_500), "2024.0000000000000000001", "0.1e5");
        List<List<Object>> numberTargets = numbers.isEmpty() ? top.subList(0, Math.min(2, top.size())) : numbers;
        for (int t = 0; t < numberTargets.size(); t++) {
            List<Object> p = numberTargets.get(t);
            for (String token : b.rotate(tokens, 2, t)) {
                if (isIdentity(b.e, p) && INTEGER_TOKEN.matcher(token).matches()) {
                    continue; // an integer could name another valid department or year
                }
                b.body(Kind.NUMBER_RANGE, show(p) + " = " + abbreviate(token),
                        splice(base, p, token.getBytes(StandardCharsets.US_ASCII)));
            }
        }
        List<List<Object>> someAmounts = amounts.subList(0, Math.min(2, amounts.size()));
        for (int t = 0; t < someAmounts.size(); t++) {
            List<Object> p = someAmounts.get(t);
            for (String amount : b.rotate(List.of("99999999999999.99", "10000000000000.00", "1.001", "0.005", "1e5",
                    "0x10", "１２３.００", "1,000.00", " 1.00", "1.00 ", "NaN", "Infinity", "+1.00", "00.10", ""), 3, t)) {
                b.json(Kind.NUMBER_RANGE, show(p) + " = \"" + amount + "\"", with(base, p, NODES.stringNode(amount)));
            }
            b.body(Kind.NUMBER_RANGE, show(p) + " as the number 1e400", splice(base, p, "1e400".getBytes()));
            b.body(Kind.NUMBER_RANGE, show(p) + " as the number 0.1", splice(base, p, "0.1".getBytes()));
        }

        // NEGATIVE_AMOUNT
        for (List<Object> p : someAmounts) {
            for (String amount : List.of("-1.00", "-0.01", "-2766200.00", "-0")) {
                b.json(Kind.NEGATIVE_AMOUNT, show(p) + " = \"" + amount + "\"", with(base, p, NODES.stringNode(amount)));
            }
        }
        for (List<Object> p : numbers) {
            for (String token : List.of("-1", "-2147483648", "-99999")) {
                if (isIdentity(b.e, p) && INTEGER_TOKEN.matcher(token).matches() && !token.startsWith("-")) {
                    continue;
                }
                b.body(Kind.NEGATIVE_AMOUNT, show(p) + " = " + token, splice(base, p, token.getBytes()));
            }
        }

        // OPERATOR_KEY
        List<JsonNode> operators = List.of(
                NODES.objectNode().put("$gt", ""),
                NODES.objectNode().putNull("$ne"),
                NODES.objectNode().put("$where", "sleep(5000) || true"),
                NODES.objectNode().put("$regex", ".*"),
                NODES.objectNode().set("$in", NODES.arrayNode().add("405001").add("405002")));
        List<List<Object>> operatorTargets = strings.subList(0, Math.min(2, strings.size()));
        for (int t = 0; t < operatorTargets.size(); t++) {
            List<Object> p = operatorTargets.get(t);
            for (JsonNode op : operatorTargets.size() > 1 ? b.rotate(operators, 2, t) : operators) {
                b.json(Kind.OPERATOR_KEY, show(p) + " = " + op, with(base, p, op));
            }
            b.json(Kind.OPERATOR_KEY, show(p) + " = the string {\"$gt\":\"\"}", with(base, p, NODES.stringNode("{\"$gt\":\"\"}")));
        }
        for (String key : b.rotate(List.of("$where", "$set", "$gt", "__proto__", "constructor", "prototype", "a.b", "$",
                "status.$"), 2, 0)) {
            ObjectNode copy = (ObjectNode) base.deepCopy();
            copy.set(key, key.equals("__proto__") ? NODES.objectNode().put("isAdmin", true)
                    : key.equals("constructor") ? NODES.objectNode().set("prototype", NODES.objectNode().put("isAdmin", true))
                    : NODES.objectNode().put("status", "APPROVED"));
            b.json(Kind.OPERATOR_KEY, "extra member '" + key + "'", copy);
        }

        // MARKUP
        List<String> markup = List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
                "javascript:alert(document.cookie)", "<!-- x -->", "正文</p><iframe src=//evil>", "a\u0000b", "第一行\n第二行",
                "\u202Eexe.txt", "{{7*7}}${7*7}<%= 7*7 %>", "=HYPERLINK(\"http://evil\",\"x\")", "${jndi:ldap://127.0.0.1/x}",
                "'; DROP TABLE budgets; --");
        List<List<Object>> markupTargets = strings.subList(0, Math.min(4, strings.size()));
        for (int t = 0; t < markupTargets.size(); t++) {
            List<Object> p = markupTargets.get(t);
            for (String text : b.rotate(markup, Math.min(3, markupTargets.size()), t)) {
                boolean notText = isIdentity(b.e, p) || p.get(p.size() - 1).equals("contentHash");
                if (notText && !text.startsWith("<script>") && !text.startsWith("a\u0000")) {
                    continue; // a code or a hash is no text: two samples suffice there
                }
                b.json(Kind.MARKUP, show(p) + " = " + abbreviate(text), with(base, p, NODES.stringNode(text)));
            }
        }
    }

    /** Endpoints without a body still get hostile bodies: they must be ignored or refused, never crash anything. */
    private static void ignoredBodyMutations(Builder b) {
        b.body(Kind.WRONG_TYPE, "a JSON array body", "[1,2,3]".getBytes());
        b.body(Kind.UNKNOWN_FIELD, "a body with members no one asked for", "{\"status\":\"DRAFT\",\"version\":0}".getBytes());
        b.body(Kind.HUGE_STRING, "a string of 900 000 chars", ("\"" + "x".repeat(900_000) + "\"").getBytes());
        b.body(Kind.HUGE_ARRAY, "an array of 300 000 nulls", ("[" + "null,".repeat(299_999) + "null]").getBytes());
        b.body(Kind.DEEP_NESTING, "arrays 50 000 deep", deepArrays(50_000));
        b.body(Kind.DEEP_NESTING, "objects 10 000 deep", deepObjects(10_000));
        for (Map.Entry<String, byte[]> bad : b.rotate(List.copyOf(invalidUtf8().entrySet()), 3, 0)) {
            b.body(Kind.INVALID_UTF8, "a string with " + bad.getKey(),
                    concat("{\"reason\":\"退回".getBytes(StandardCharsets.UTF_8), bad.getValue(), "\"}".getBytes()));
        }
        b.body(Kind.NUMBER_RANGE, "a member 1e400", "{\"n\":1e400}".getBytes());
        b.body(Kind.NEGATIVE_AMOUNT, "a negative amount", "{\"amount\":\"-1.00\"}".getBytes());
        b.body(Kind.OPERATOR_KEY, "{$where: ...}", "{\"$where\":\"sleep(5000)\",\"__proto__\":{\"isAdmin\":true}}".getBytes());
        b.body(Kind.MARKUP, "markup", "{\"reason\":\"<script>alert(1)</script>\"}".getBytes());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // CSV bodies (catalog upload): every one carries INVALID_CSV_LINE, so none can be accepted

    private static void csvBodyMutations(Builder b) {
        String header = "科目编码,科目名称\n";
        String tail = "\n" + INVALID_CSV_LINE + "\n";
        b.body(Kind.WRONG_TYPE, "a JSON array as CSV", ("[{\"code\":\"201\",\"name\":\"x\"}]" + tail).getBytes(StandardCharsets.UTF_8));
        b.body(Kind.WRONG_TYPE, "a JSON object as CSV", ("{\"201\":\"一般公共服务支出\"}" + tail).getBytes(StandardCharsets.UTF_8));
        b.body(Kind.MISSING_FIELD, "a code without a name", (header + "201," + tail).getBytes(StandardCharsets.UTF_8));
        b.body(Kind.MISSING_FIELD, "a name without a code", (header + ",一般公共服务支出" + tail).getBytes(StandardCharsets.UTF_8));
        b.body(Kind.UNKNOWN_FIELD, "a third column", (header + "201,一般公共服务支出,多余" + tail).getBytes(StandardCharsets.UTF_8));
        b.body(Kind.HUGE_STRING, "a name of 300 000 CJK chars",
                (header + "201," + "名".repeat(300_000) + tail).getBytes(StandardCharsets.UTF_8));
        b.body(Kind.HUGE_STRING, "a line of 900 000 commas", (header + ",".repeat(900_000) + tail).getBytes(StandardCharsets.UTF_8));
        StringBuilder lines = new StringBuilder(header);
        for (int i = 0; i < 60_000; i++) {
            lines.append(2_010_000 + i).append(",科目").append(i).append('\n');
        }
        b.body(Kind.HUGE_ARRAY, "60 000 lines", (lines + INVALID_CSV_LINE + "\n").getBytes(StandardCharsets.UTF_8));
        b.body(Kind.HUGE_ARRAY, "300 000 empty lines", (header + "\n".repeat(300_000) + INVALID_CSV_LINE).getBytes(StandardCharsets.UTF_8));
        b.body(Kind.DEEP_NESTING, "JSON arrays 50 000 deep", concat(deepArrays(50_000), tail.getBytes(StandardCharsets.UTF_8)));
        b.body(Kind.DEEP_NESTING, "quotes nested 10 000 deep", (header + "201,\"" + "\"\"".repeat(10_000) + "\"" + tail)
                .getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> bad : invalidUtf8().entrySet()) {
            b.body(Kind.INVALID_UTF8, "a name with " + bad.getKey(), concat((header + "201,一般").getBytes(StandardCharsets.UTF_8),
                    bad.getValue(), tail.getBytes(StandardCharsets.UTF_8)));
        }
        b.body(Kind.INVALID_UTF8, "GBK bytes without a charset", (header + "201,一般公共服务支出" + tail).getBytes(Charset.forName("GBK")));
        b.withContentType(Kind.INVALID_UTF8, "bytes invalid in the declared GBK", "text/csv; charset=GBK",
                concat((header + "201,").getBytes(Charset.forName("GBK")), new byte[]{(byte) 0x81, (byte) 0x20, (byte) 0xFF},
                        tail.getBytes(Charset.forName("GBK"))));
        for (String code : List.of("99999999999999999999", "2.01e2", "0x0C9", "２０１", "201.0", "1e400")) {
            b.body(Kind.NUMBER_RANGE, "code " + code, (header + code + ",名称" + tail).getBytes(StandardCharsets.UTF_8));
        }
        for (String code : List.of("-201", "-2010101")) {
            b.body(Kind.NEGATIVE_AMOUNT, "code " + code, (header + code + ",名称" + tail).getBytes(StandardCharsets.UTF_8));
        }
        for (String line : List.of("$where,sleep(5000)", "{\"$gt\":\"\"},x", "201,{\"$ne\":null}", "__proto__,x",
                "201.$,x")) {
            b.body(Kind.OPERATOR_KEY, line, (header + line + tail).getBytes(StandardCharsets.UTF_8));
        }
        for (String name : List.of("<script>alert(1)</script>", "=HYPERLINK(\"http://evil\")", "a\u0000b",
                "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "\u202Eexe")) {
            b.body(Kind.MARKUP, "name " + abbreviate(name),
                    (header + "201," + name.replace("\"", "\"\"").transform(n -> "\"" + n + "\"") + tail)
                            .getBytes(StandardCharsets.UTF_8));
        }
        b.body(Kind.MALFORMED_JSON, "unbalanced quote", (header + "\"201,一般公共服务支出" + tail).getBytes(StandardCharsets.UTF_8));
        b.body(Kind.MALFORMED_JSON, "empty body", new byte[0]);
        b.body(Kind.MALFORMED_JSON, "a header only", header.getBytes(StandardCharsets.UTF_8));
        b.body(Kind.MALFORMED_JSON, "NUL bytes", (header + "\u0000\u0000\u0000" + tail).getBytes(StandardCharsets.UTF_8));
        b.body(Kind.MALFORMED_JSON, "CR-only line ends", (header + "201,一般公共服务支出\r" + INVALID_CSV_LINE).getBytes(StandardCharsets.UTF_8));
        b.body(Kind.MALFORMED_JSON, "two byte-order marks", ("\uFEFF\uFEFF" + header + INVALID_CSV_LINE).getBytes(StandardCharsets.UTF_8));
        b.body(Kind.MALFORMED_JSON, "a lone comma", ("," + tail).getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Transport: body size, length, content type, JSON syntax

    private static void transportMutations(Builder b) {
        Endpoint e = b.e;
        byte[] base = e.baseBody() == null ? "{}".getBytes() : e.baseBody();
        String type = e.bodyKind() == BodyKind.NONE ? "application/json" : e.baseContentType();

        // OVERSIZED_BODY: the gateway refuses by the declared length before reading
        for (int size : b.salt % 5 == 0 ? List.of(1_048_577, 3_000_000) : List.of(1_048_577)) {
            b.withContentType(Kind.OVERSIZED_BODY, size + " bytes", type, padded(e, size));
        }
        List<String> continueHeaders = b.baseHeaders(type);
        b.withHeaders(Kind.OVERSIZED_BODY, "2 000 000 bytes with Expect: 100-continue", continueHeaders,
                padded(e, 2_000_000), false, true);

        // NO_LENGTH
        b.withHeaders(Kind.NO_LENGTH, "the base body chunked", b.baseHeaders(type), base, true, false);
        b.withHeaders(Kind.NO_LENGTH, "1 200 000 bytes chunked", b.baseHeaders(type), padded(e, 1_200_000), true, false);

        // WRONG_CONTENT_TYPE
        String csvOrJson = e.bodyKind() == BodyKind.CSV ? e.csv() : new String(base, StandardCharsets.UTF_8);
        Map<String, byte[]> typed = new LinkedHashMap<>();
        typed.put("text/plain", base);
        typed.put("application/xml", ("<budget><departmentCode>405001</departmentCode>" + (e.bodyKind() == BodyKind.CSV
                ? "<line>" + INVALID_CSV_LINE + "</line>" : "") + "</budget>").getBytes(StandardCharsets.UTF_8));
        typed.put("text/xml", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"
                .getBytes(StandardCharsets.UTF_8));
        typed.put("application/x-www-form-urlencoded", ("code=405001&name=x&reason=x&contentHash=" + "0".repeat(64)
                + "&csv=" + INVALID_CSV_LINE).getBytes(StandardCharsets.UTF_8));
        typed.put("multipart/form-data; boundary=xyz", "--xyz\r\nbroken".getBytes(StandardCharsets.UTF_8));
        typed.put("multipart/form-data; boundary=b0", ("--b0\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + csvOrJson + "\r\n--b0--\r\n").getBytes(StandardCharsets.UTF_8));
        typed.put("application/octet-stream", base);
        typed.put("application/json; charset=bogus-charset", base);
        typed.put("garbage", base);
        typed.put("application/json; charset=UTF-16", base);
        typed.put("application/yaml", base);
        typed.put("application/x-java-serialized-object", new byte[]{(byte) 0xAC, (byte) 0xED, 0x00, 0x05, 0x73, 0x72});
        typed.put("application/cbor", new byte[]{(byte) 0xA1, 0x61, 0x61, 0x01});
        typed.put(e.bodyKind() == BodyKind.CSV ? "application/json" : "text/csv", base);
        typed.put(null, base);
        List<Map.Entry<String, byte[]>> types = new ArrayList<>(typed.entrySet());
        List<Map.Entry<String, byte[]>> sent = new ArrayList<>(types.subList(0, 5)); // plain, XML, XXE, form, multipart
        sent.add(types.get(types.size() - 1)); // none
        sent.addAll(b.rotate(types.subList(5, types.size() - 1), 3, 0));
        for (Map.Entry<String, byte[]> t : sent) {
            b.withContentType(Kind.WRONG_CONTENT_TYPE, t.getKey() == null ? "no Content-Type" : t.getKey(),
                    t.getKey(), t.getValue());
        }

        if (e.bodyKind() == BodyKind.CSV) {
            return; // JSON syntax does not apply to a CSV upload; its malformed files are in csvBodyMutations
        }
        // MALFORMED_JSON
        String json = new String(base, StandardCharsets.UTF_8);
        Map<String, String> malformed = new LinkedHashMap<>();
        malformed.put("truncated in the middle", json.substring(0, json.length() / 2));
        malformed.put("truncated by one character", json.substring(0, json.length() - 1));
        malformed.put("trailing garbage", json + "garbage");
        malformed.put("a second document", json + json);
        malformed.put("trailing comma", json.substring(0, json.length() - 1) + ",}");
        malformed.put("empty", "");
        malformed.put("whitespace only", " \n\t ");
        malformed.put("null", "null");
        malformed.put("[]", "[]");
        malformed.put("{}", "{}");
        malformed.put("a string", "\"405001\"");
        malformed.put("a number", "405001");
        malformed.put("true", "true");
        malformed.put("single quotes", json.replace('"', '\''));
        malformed.put("unquoted member names", json.replaceAll("\"([A-Za-z]+)\":", "$1:"));
        malformed.put("a comment", "/* x */" + json);
        malformed.put("NaN literal", "{\"x\":NaN}");
        malformed.put("a duplicate member", json.startsWith("{\"") ? "{" + json.substring(1, json.indexOf(',') > 0
                ? json.indexOf(',') + 1 : json.length() - 1) + json.substring(1) : "{\"a\":1,\"a\":2}");
        malformed.put("an unescaped control character", "{\"reason\":\"a\u0001b\",\"contentHash\":\"x\"}");
        malformed.put("a lone brace", "{");
        malformed.put("a lone closing bracket", "]");
        malformed.put("an unterminated string", "{\"code\":\"405001");
        malformed.put("a bad escape", "{\"code\":\"\\x41\"}");
        malformed.put("a lone surrogate escape", json.replaceFirst("\":\"", "\":\"\\\\uD800"));
        for (Map.Entry<String, String> m : b.rotate(List.copyOf(malformed.entrySet()), 3, 0)) {
            b.body(Kind.MALFORMED_JSON, m.getKey(), m.getValue().getBytes(StandardCharsets.UTF_8));
        }
        b.body(Kind.MALFORMED_JSON, "NUL bytes", new byte[]{0, 0, 0, 0});
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Paths, If-Match, other headers

    private static void pathMutations(Builder b) {
        Endpoint e = b.e;
        List<String> generic = List.of("%2F", "%ff", "..", "%00", "a%2Fb", "%2e%2e", "..%2F..%2Factuator", "%c0%af",
                "%E4%BD%A0%E5%A5%BD", "'%20OR%20'1'='1", "$gt", "%7B%22$gt%22:%22%22%7D", "__proto__",
                "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "-1", "0", "9".repeat(40), "a".repeat(3_000),
                "a".repeat(10_000), "%20", "x;jsessionid=1", "%252F", "$%7Bjndi:ldap:%2F%2F127.0.0.1%2Fx%7D", "*",
                "a%0D%0ASet-Cookie:%20x=1");
        boolean first = true;
        for (Map.Entry<String, String> param : e.params().entrySet()) {
            List<String> values = new ArrayList<>();
            if (first) {
                values.addAll(List.of("%2F", "%ff", ".."));
                values.addAll(b.rotate(generic.subList(3, generic.size()), 4, 0));
            }
            values.addAll(switch (param.getKey()) {
                case "fiscalYear" -> List.of("1999", "2101", "-2024", "2024.0", "2024abc", "99999999999", "0x7E8",
                        "%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%94");
                case "code" -> List.of("40500", "4050011234567", "405001abc", "-405001", "405001%0A", "405%20001");
                case "id" -> List.of("405001-2024-r1%00", "405001_2024_r1", "x".repeat(65), "405001-2024-r1'",
                        "405001-2024-r1.json");
                case "kind" -> List.of("FUNCTION", "Function", "other", "economic%00", "function;x=1");
                case "publicationId" -> List.of("405001-2024x", "405001-99999", "405001-2024-r1", "405001",
                        "405001-2099");
                default -> List.of();
            });
            for (String value : first ? values : b.rotate(values, 2, 1)) {
                b.withPath(Kind.BAD_PATH, param.getKey() + " = " + abbreviate(value), e.path(param.getKey(), value));
            }
            first = false;
        }
        b.withPath(Kind.BAD_PATH, "a trailing slash", e.basePath() + "/");
        b.withPath(Kind.BAD_PATH, "a double slash", e.basePath().replaceFirst("/api/v1/", "/api/v1//"));
        b.withPath(Kind.BAD_PATH, "a query with operators", e.basePath() + "?%24where=sleep(1)&__proto__%5BisAdmin%5D=1");
    }

    private static void ifMatchMutations(Builder b) {
        Endpoint e = b.e;
        if (e.ifMatch() == null) {
            return;
        }
        byte[] body = e.baseBody();
        String type = e.baseContentType();
        List<String> values = new ArrayList<>(List.of("", "abc", "\"-1\"", "\"99999999999999999999\"",
                "\"999999999999999999\"", "W/\"x\"", "\"1\", \"2\"", "\"999\"", "W/\"999\"", "\"999", "'999'", "999999",
                "\"\"", "é", "\"" + "9".repeat(5_000) + "\"", "*, \"999\"", "\"$gt\""));
        for (String value : b.rotate(values, 2, 0)) {
            List<String> headers = new ArrayList<>(List.of("If-Match", value));
            if (type != null) {
                headers.addAll(0, List.of("Content-Type", type));
            }
            b.withHeaders(Kind.BAD_IF_MATCH, "If-Match: " + abbreviate(value), headers, body, false, false);
        }
        List<String> none = type == null ? List.of() : List.of("Content-Type", type);
        b.withHeaders(Kind.BAD_IF_MATCH, "no If-Match", none, body, false, false);
        List<String> two = new ArrayList<>(none);
        two.addAll(List.of("If-Match", "\"998\"", "If-Match", "\"999\""));
        b.withHeaders(Kind.BAD_IF_MATCH, "If-Match twice", two, body, false, false);
        // "*" would let a valid body through where the state allows the write: only there where it does not,
        // elsewhere together with a body that is invalid by construction
        List<String> any = new ArrayList<>(none);
        any.addAll(List.of("If-Match", "*"));
        if (e.ifMatchAnySafe()) {
            b.withHeaders(Kind.BAD_IF_MATCH, "If-Match: * (the state refuses the write)", any, body, false, false);
        }
        if (e.bodyKind() == BodyKind.JSON) {
            ObjectNode invalid = (ObjectNode) e.json().deepCopy();
            invalid.put("unexpected", 1);
            b.withHeaders(Kind.BAD_IF_MATCH, "If-Match: * with an invalid body", any,
                    StaffClient.JSON.writeValueAsBytes(invalid), false, false);
        }
    }

    private static void headerMutations(Builder b) {
        Endpoint e = b.e;
        byte[] body = e.baseBody();
        String type = e.baseContentType();
        List<List<String>> extras = List.of(
                List.of("Accept", "garbage"),
                List.of("Accept", "application/xml"),
                List.of("Accept", "text/html;q=abc"),
                List.of("X-HTTP-Method-Override", "DELETE"),
                List.of("X-Correlation-Id", "x".repeat(3_000)),
                List.of("X-Correlation-Id", "x<script>alert(1)</script>"),
                List.of("Content-Encoding", "gzip"),
                List.of("X-Forwarded-For", "127.0.0.1, 10.0.0.1"),
                List.of("X-Padding", "p".repeat(20_000)));
        for (List<String> extra : b.rotate(extras, 2, 0)) {
            List<String> headers = new ArrayList<>(b.baseHeaders(type));
            headers.addAll(extra);
            b.withHeaders(Kind.HOSTILE_HEADER, extra.get(0) + ": " + abbreviate(extra.get(1)), headers, body, false, false);
        }
        // an unparseable Accept together with a refused content type: the error must still be problem+json
        List<String> headers = new ArrayList<>(b.baseHeaders("text/plain"));
        headers.addAll(List.of("Accept", "garbage"));
        b.withHeaders(Kind.HOSTILE_HEADER, "Accept: garbage with Content-Type text/plain", headers,
                body == null ? "x".getBytes() : body, false, false);
        List<String> patch = b.baseHeaders(type);
        b.requests.add(new Request(Kind.HOSTILE_HEADER, e, "method PATCH instead of " + e.method(), "PATCH",
                e.basePath(), patch, body == null ? new byte[0] : body, false, false));
        List<String> patchGarbage = new ArrayList<>(patch);
        patchGarbage.addAll(List.of("Accept", "garbage"));
        b.requests.add(new Request(Kind.HOSTILE_HEADER, e, "method PATCH with Accept: garbage", "PATCH",
                e.basePath(), patchGarbage, body == null ? new byte[0] : body, false, false));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // helpers

    private static boolean isIdentity(Endpoint e, List<Object> path) {
        return path.size() == 1 && e.identityFields().contains(String.valueOf(path.get(0)));
    }

    /** Paths of every scalar, following only the first element of arrays. */
    static List<List<Object>> leaves(JsonNode node, List<Object> path) {
        List<List<Object>> found = new ArrayList<>();
        if (node.isObject()) {
            for (String name : node.propertyNames()) {
                found.addAll(leaves(node.get(name), append(path, name)));
            }
        } else if (node.isArray()) {
            if (!node.isEmpty()) {
                found.addAll(leaves(node.get(0), append(path, 0)));
            }
        } else {
            found.add(path);
        }
        return found;
    }

    /** Paths of arrays (or objects, the root included), following only the first element of arrays. */
    private static List<List<Object>> containers(JsonNode node, List<Object> path, boolean arrays) {
        List<List<Object>> found = new ArrayList<>();
        if (node.isObject()) {
            if (!arrays) {
                found.add(path);
            }
            for (String name : node.propertyNames()) {
                found.addAll(containers(node.get(name), append(path, name), arrays));
            }
        } else if (node.isArray()) {
            if (arrays) {
                found.add(path);
            }
            if (!node.isEmpty()) {
                found.addAll(containers(node.get(0), append(path, 0), arrays));
            }
        }
        return found;
    }

    private static List<Object> append(List<Object> path, Object segment) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(segment);
        return List.copyOf(longer);
    }

    private static <T> List<T> spread(List<T> items, int max) {
        if (items.size() <= max) {
            return items;
        }
        List<T> picked = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            picked.add(items.get(i * items.size() / max));
        }
        return picked;
    }

    static JsonNode at(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object segment : path) {
            node = segment instanceof Integer i ? node.get(i) : node.get((String) segment);
        }
        return node;
    }

    static JsonNode with(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode copy = root.deepCopy();
        if (path.isEmpty()) {
            return value;
        }
        JsonNode parent = at(copy, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode o) {
            o.set((String) last, value);
        } else {
            ((ArrayNode) parent).set((Integer) last, value);
        }
        return copy;
    }

    static JsonNode without(JsonNode root, List<Object> path) {
        JsonNode copy = root.deepCopy();
        JsonNode parent = at(copy, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode o) {
            o.remove((String) last);
        } else {
            ((ArrayNode) parent).remove((Integer) last);
        }
        return copy;
    }

    /** The body with the member at {@code path} replaced by raw bytes: deep nesting, bad UTF-8, odd numbers. */
    static byte[] splice(JsonNode root, List<Object> path, byte[] raw) {
        byte[] serialized = StaffClient.JSON.writeValueAsBytes(with(root, path, NODES.stringNode(PLACEHOLDER)));
        return replaceFirst(serialized, ("\"" + PLACEHOLDER + "\"").getBytes(StandardCharsets.US_ASCII), raw);
    }

    private static byte[] replaceFirst(byte[] haystack, byte[] needle, byte[] replacement) {
        int at = indexOf(haystack, needle);
        if (at < 0) {
            throw new IllegalStateException("placeholder not found");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(haystack.length + replacement.length);
        out.write(haystack, 0, at);
        out.writeBytes(replacement);
        out.write(haystack, at + needle.length, haystack.length - at - needle.length);
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] quoteOpen(String prefix) {
        String escaped = StaffClient.JSON.writeValueAsString(prefix.length() > 20 ? prefix.substring(0, 20) : prefix);
        return escaped.substring(0, escaped.length() - 1).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static Map<String, byte[]> invalidUtf8() {
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("0xFF", new byte[]{(byte) 0xFF});
        bad.put("a stray continuation byte", new byte[]{(byte) 0x80});
        bad.put("a lead byte without continuation", new byte[]{(byte) 0xC3, 0x28});
        bad.put("an encoded surrogate", new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        bad.put("an overlong slash", new byte[]{(byte) 0xC0, (byte) 0xAF});
        bad.put("an overlong '<'", new byte[]{(byte) 0xC0, (byte) 0xBC});
        bad.put("a 5-byte sequence", new byte[]{(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80});
        bad.put("a code point above U+10FFFF", new byte[]{(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80});
        bad.put("a truncated 3-byte sequence", new byte[]{(byte) 0xE4, (byte) 0xBD});
        return bad;
    }

    private static byte[] cutInsideMultibyte(byte[] json) {
        for (int i = json.length - 1; i > 0; i--) {
            if ((json[i] & 0xC0) == 0x80) {
                return Arrays.copyOf(json, i); // ends right after a lead or inside a sequence
            }
        }
        return Arrays.copyOf(json, json.length / 2);
    }

    static byte[] deepArrays(int depth) {
        return ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] deepObjects(int depth) {
        return ("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)).getBytes(StandardCharsets.US_ASCII);
    }

    /** The base made {@code size} bytes long: a JSON body grows an unknown member, a CSV a long invalid name. */
    private static byte[] padded(Endpoint e, int size) {
        if (e.bodyKind() == BodyKind.CSV) {
            String start = e.csv() + "201,";
            return (start + "x".repeat(Math.max(0, size - start.getBytes(StandardCharsets.UTF_8).length))).getBytes(
                    StandardCharsets.UTF_8);
        }
        JsonNode base = e.json() == null ? NODES.objectNode() : e.json();
        byte[] empty = StaffClient.JSON.writeValueAsBytes(((ObjectNode) base.deepCopy()).put("padding", ""));
        return StaffClient.JSON.writeValueAsBytes(((ObjectNode) base.deepCopy())
                .put("padding", "x".repeat(Math.max(0, size - empty.length))));
    }

    private static List<JsonNode> otherTypes(JsonNode value) {
        if (value.isString()) {
            return List.of(NODES.numberNode(12345), NODES.arrayNode().add("x"));
        }
        if (value.isNumber()) {
            return List.of(NODES.stringNode("abc"), NODES.objectNode().put("value", 1));
        }
        if (value.isBoolean()) {
            return List.of(NODES.stringNode("yes"), NODES.arrayNode());
        }
        if (value.isArray()) {
            return List.of(NODES.stringNode("x"), NODES.objectNode().put("0", "x"));
        }
        if (value.isObject()) {
            return List.of(NODES.stringNode("x"), NODES.arrayNode().add(1));
        }
        return List.of(NODES.booleanNode(true), NODES.objectNode());
    }

    private static String show(List<Object> path) {
        StringBuilder s = new StringBuilder();
        for (Object segment : path) {
            if (segment instanceof Integer i) {
                s.append('[').append(i).append(']');
            } else {
                s.append(s.isEmpty() ? "" : ".").append(segment);
            }
        }
        return s.isEmpty() ? "(body)" : s.toString();
    }

    static String abbreviate(String s) {
        String shown = s.replace("\u0000", "\\0").replace("\n", "\\n").replace("\r", "\\r");
        return shown.length() > 40 ? shown.substring(0, 40) + "…(" + s.length() + ")" : shown;
    }
}
