package cn.finance.disclosure.system;

import cn.finance.disclosure.stack.DemoLoader;
import cn.finance.disclosure.stack.StaffClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probe's findings, on the whole stack through the gateway: invisible characters and markup behind a line
 * separator never get into a profile; a caller without the role learns nothing of a request's schema; every refusal,
 * whatever refuses it, is problem+json.
 */
class HardeningSystemTest {

    final StaffClient client = RunningStack.client();

    /** The seed's profile with one text replaced. */
    static String profileWith(String member, String text) {
        ObjectNode profile = (ObjectNode) DemoLoader.seedFacts().get("department").get("profile").deepCopy();
        switch (member) {
            case "functions" -> ((tools.jackson.databind.node.ArrayNode) profile.get("functions")).set(0, text);
            case "divisions" -> ((ObjectNode) profile.get("divisions").get(0)).put("responsibilities", text);
            default -> ((ObjectNode) profile.get("disclosureContact")).put("name", text);
        }
        return StaffClient.JSON.writeValueAsString(profile);
    }

    @Test
    void separatorsBeforeMarkupAndBidiOrZeroWidthCharactersInProfileTextsAreRefusedNamingTheField() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("functions[0]", profileWith("functions", "组织职工\u2028<script>alert(1)</script>"));
        cases.put("functions[0] ", profileWith("functions", "组织职工\u2029<img src=x onerror=alert(1)>"));
        cases.put("divisions[0].responsibilities", profileWith("divisions", "负责\u202E文字倒序\u202C工作"));
        cases.put("divisions[0].responsibilities ", profileWith("divisions", "负责\u2066隔离\u2069工作"));
        cases.put("disclosureContact.name", profileWith("contact", "张\u200B三"));
        cases.put("disclosureContact.name ", profileWith("contact", "\uFEFF张三\u200F"));
        cases.forEach((field, body) -> {
            StaffClient.Answer r = client.put("/api/v1/departments/405001/profiles/2031", "fgu-clerk", body);
            assertThat(r.status()).as(field + " " + r.body()).isEqualTo(400);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.body()).as(field).contains(field.strip());
        });
        assertThat(client.get("/api/v1/departments/405001/profiles/2031", "fgu-clerk").status()).isEqualTo(404);
    }

    @Test
    void everyStaffWriteRefusesACallerWithoutTheRoleBeforeReadingTheBody() {
        String invalid = "{\"unexpected\":[1,2,3]}";
        record Call(String user, String method, String path) {
        }
        for (Call call : List.of(
                new Call("fgu-clerk", "POST", "/api/v1/departments"),
                new Call("fgu-head", "PUT", "/api/v1/departments/405001/profiles/2031"),
                new Call("bureau-reviewer", "POST", "/api/v1/departments/405001/profiles/2031/copy-of-previous-year"),
                new Call("fgu-head", "POST", "/api/v1/budgets"),
                new Call("bureau-reviewer", "PUT", "/api/v1/budgets/0123456789abcdef01234567"),
                new Call("bureau-reviewer", "POST", "/api/v1/budgets/0123456789abcdef01234567/submission"),
                new Call("fgu-clerk", "POST", "/api/v1/budgets/0123456789abcdef01234567/return"),
                new Call("fgu-clerk", "POST", "/api/v1/budgets/0123456789abcdef01234567/approval"),
                new Call("fgu-clerk", "PUT", "/api/v1/budgets/catalogs/2024/function"),
                new Call("fgu-clerk", "POST", "/api/v1/publications/0123456789abcdef01234567/confirmation"),
                new Call("fgu-head", "POST", "/api/v1/publications/0123456789abcdef01234567/release"),
                new Call("bureau-reviewer", "POST", "/api/v1/publications/0123456789abcdef01234567/correction"),
                new Call("fgu-clerk", "POST", "/api/v1/publications/0123456789abcdef01234567/withdrawal"))) {
            StaffClient.Answer r = client.call(call.method(), call.path(), call.user(), invalid);
            assertThat(r.status()).as(call + " " + r.body()).isEqualTo(403);
            assertThat(r.header("Content-Type")).as(call.toString()).startsWith("application/problem+json");
            assertThat(r.body()).as(call.toString()).doesNotContain("\"errors\"").doesNotContain("unexpected");
        }
    }

    @Test
    void unencodedCharactersInTheQueryAreProblemsThroughTheGateway() throws Exception {
        java.net.URI gateway = java.net.URI.create(RunningStack.gateway());
        for (String target : new String[]{"/public/v1/publications?q=[1]", "/public/v1/publications?q={x}|^\""}) {
            try (java.net.Socket socket = new java.net.Socket(gateway.getHost(), gateway.getPort())) {
                socket.setSoTimeout(20_000);
                socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(answer).as(target).startsWith("HTTP/1.1 400")
                        .containsIgnoringCase("content-type: application/problem+json").doesNotContain("<html");
            }
        }
    }
}
