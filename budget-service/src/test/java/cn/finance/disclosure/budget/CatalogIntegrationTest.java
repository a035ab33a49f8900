package cn.finance.disclosure.budget;

import cn.finance.disclosure.testing.Http;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classification catalogs: staff read a year's catalog; a bureau-admin uploads a year's official list (CSV), which
 * is kept and used by validation in preference to the bundled one. Years 2025 and 2031–2034 are this class's own: no
 * other test validates budgets of those years.
 */
@ContextConfiguration(initializers = EmbeddedInfrastructureInitializer.class)
class CatalogIntegrationTest extends BudgetServiceTestSupport {

    Http.Response upload(int year, String kind, String bearer, byte[] csv, String contentType) {
        return Http.sendRaw(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/budgets/catalogs/" + year + "/" + kind))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", bearer)
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(csv)).build());
    }

    Http.Response upload(int year, String kind, String bearer, String csv) {
        return upload(year, kind, bearer, csv.getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    static String bundled(int year, String kind) {
        try (InputStream in = CatalogIntegrationTest.class.getResourceAsStream(
                "/catalog/" + year + "/" + kind + "-codes.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void staffReadTheBundledCatalogOfAYear() {
        Http.Response catalog = http().get("/api/v1/budgets/catalogs/2024", clerk(freshCode()));

        assertThat(catalog.status()).as(catalog.body()).isEqualTo(200);
        JsonNode body = body(catalog);
        assertThat(body.get("function").get("source").asString()).isEqualTo("bundled");
        assertThat(body.get("function").get("codes").toString()).contains("{\"code\":\"2012901\",\"name\":\"行政运行\"}");
        assertThat(body.get("economic").get("codes").toString()).contains("{\"code\":\"302\",\"name\":\"商品和服务支出\"}");
        assertProblem(http().get("/api/v1/budgets/catalogs/2049", reviewer()), 404, "2049");
    }

    @Test
    void anUploadedOfficialListIsUsedInPreferenceToTheBundledOne() {
        String code = freshCode();
        String id = create(seedFor(code, inYear(2025)));
        Http.Response before = http().post("/api/v1/budgets/" + id + "/validation", clerk(code), null);
        assertThat(body(before).get("counts").get("errors").asLong()).as(before.body()).isZero();

        String withoutTradeUnionAffairs = bundled(2025, "function").lines()
                .filter(line -> !line.startsWith("2012906,")).collect(Collectors.joining("\n"));
        Http.Response uploaded = upload(2025, "function", admin(), withoutTradeUnionAffairs);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        assertThat(body(uploaded).get("origin").get("uploadedBy").asString()).isEqualTo("bureau-admin");

        JsonNode catalog = body(http().get("/api/v1/budgets/catalogs/2025", clerk(code)));
        assertThat(catalog.get("function").get("source").asString()).isEqualTo("uploaded");
        assertThat(catalog.get("economic").get("source").asString()).isEqualTo("bundled");
        assertThat(catalog.get("function").get("codes").toString()).doesNotContain("\"2012906\"");
        JsonNode after = body(http().post("/api/v1/budgets/" + id + "/validation", clerk(code), null));
        assertThat(after.get("catalog").get("function").asString()).isEqualTo("uploaded");
        assertThat(after.get("findings")).anySatisfy(f -> {
            assertThat(f.get("ruleId").asString()).isEqualTo("V03-FUNCTION-CODE-UNKNOWN");
            assertThat(f.get("path").asString()).isEqualTo("expenditureLines[1].functionCode");
        });
    }

    @Test
    void aYearWithoutBundledListsIsUsableOnceBothListsAreUploaded() {
        String code = freshCode();
        String id = create(seedFor(code, inYear(2031)));

        assertThat(upload(2031, "function", admin(), bundled(2024, "function")).status()).isEqualTo(200);
        JsonNode half = body(http().post("/api/v1/budgets/" + id + "/validation", clerk(code), null));
        assertThat(half.get("catalog").get("economic").asString()).isEqualTo("none");
        assertThat(half.get("findings")).extracting(f -> f.get("ruleId").asString())
                .contains("V03-ECONOMIC-CODE-UNKNOWN");

        assertThat(upload(2031, "economic", admin(), bundled(2024, "economic")).status()).isEqualTo(200);
        JsonNode whole = body(http().post("/api/v1/budgets/" + id + "/validation", clerk(code), null));
        assertThat(whole.get("findings")).extracting(f -> f.get("ruleId").asString() + "@" + f.get("path").asString())
                .containsExactly("V06-REVENUE-EXPENDITURE-DELTA@priorYear",
                        "V03-ROUNDING-FUNCTION-CLASSES@expenditureLines");
    }

    @Test
    void onlyABureauAdminUploads() {
        for (String notAdmin : new String[]{clerk(freshCode()), reviewer(), publisher()}) {
            assertProblem(upload(2032, "function", notAdmin, "201,一般公共服务支出"), 403, "只有财政局管理员可以上传科目表");
        }
        assertProblem(http().get("/api/v1/budgets/catalogs/2032", reviewer()), 404);
    }

    @Test
    void aListWithProblemsIsRefusedWholeNamingEachLineAndNothingIsKept() {
        Http.Response refused = upload(2033, "function", admin(),
                "code,name\n201,一般公共服务支出\n20AB1,坏编码\n201,重复\n20101,\n");

        assertProblem(refused, 400, "catalog-rejected", "第3行", "第4行", "第5行");
        assertThat(body(refused).get("problems")).hasSize(3);
        assertProblem(upload(2033, "sideways", admin(), "201,一般公共服务支出"), 400, "kind");
        assertProblem(upload(2033, "function", admin(), ""), 400);
        assertProblem(upload(2033, "function", admin(), "201,一般公共服务支出".getBytes(StandardCharsets.UTF_8),
                "application/json"), 415);
        assertProblem(http().get("/api/v1/budgets/catalogs/2033", reviewer()), 404);
    }

    @Test
    void aListInAnotherEncodingIsReadWhenTheContentTypeNamesItAndRefusedOtherwise() {
        byte[] gbk = "code,name\n301,工资福利支出\n30101,基本工资\n".getBytes(Charset.forName("GBK"));

        assertProblem(upload(2034, "economic", admin(), gbk, "text/csv"), 400, "UTF-8", "charset=GBK");
        assertProblem(http().get("/api/v1/budgets/catalogs/2034", reviewer()), 404);
        Http.Response named = upload(2034, "economic", admin(), gbk, "text/csv; charset=GBK");
        assertThat(named.status()).as(named.body()).isEqualTo(200);
        assertThat(http().get("/api/v1/budgets/catalogs/2034", reviewer()).body())
                .contains("{\"code\":\"30101\",\"name\":\"基本工资\"}");
    }
}
