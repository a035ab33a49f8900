package cn.finance.disclosure.system;

import cn.finance.disclosure.stack.StaffClient;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the gateway with real Keycloak tokens: the seed's released version as .xlsx and .pdf (binary bodies kept
 * byte for byte by the gateway's cache), the year's open-data zip, and a clerk's round trip of the budget workbook:
 * template, export, upload as a new department's budget.
 */
class AttachmentsAndWorkbookSystemTest {

    static final String SEED = "/public/v1/publications/405001/2024/versions/1";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final StaffClient client = RunningStack.client();

    @BeforeAll
    static void seedIsReleased() {
        PublicationSystemTest.seedIsReleased();
    }

    static HttpResponse<byte[]> get(String path, String bearer, String... headers) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(RunningStack.gateway() + path)).GET();
        if (bearer != null) {
            r.header("Authorization", "Bearer " + bearer);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            r.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<String> upload(byte[] workbook, String bearer) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(RunningStack.gateway() + "/api/v1/budgets/imports"))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", XLSX)
                .POST(HttpRequest.BodyPublishers.ofByteArray(workbook)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSeedsPdfAndWorkbookComeThroughTheGatewayByteForByteAndRevalidate() throws Exception {
        for (String[] kind : new String[][]{{".pdf", "application/pdf", "%PDF-"}, {".xlsx", XLSX, "PK"}}) {
            HttpResponse<byte[]> first = get(SEED + kind[0], null);
            assertThat(first.statusCode()).as(kind[0]).isEqualTo(200);
            assertThat(first.headers().firstValue("Content-Type").orElseThrow()).isEqualTo(kind[1]);
            assertThat(new String(first.body(), 0, kind[2].length(), StandardCharsets.ISO_8859_1)).isEqualTo(kind[2]);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");
            for (int i = 0; i < 3; i++) {
                HttpResponse<byte[]> again = get(SEED + kind[0], null);
                assertThat(again.body()).as(kind[0] + " read " + i).isEqualTo(first.body());
                assertThat(again.headers().firstValue("Content-Type").orElseThrow()).isEqualTo(kind[1]);
            }
            assertThat(get(SEED + kind[0], null, "If-None-Match", etag).statusCode()).isEqualTo(304);
        }
    }

    @Test
    void theYearsOpenDataPackageDownloadsThroughTheGateway() throws Exception {
        HttpResponse<byte[]> zip = get("/public/v1/open-data/2024", null);
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/zip");
        String etag = zip.headers().firstValue("ETag").orElseThrow();
        assertThat(get("/public/v1/open-data/2024", null, "If-None-Match", etag).statusCode()).isIn(200, 304);
        assertThat(client.get("/public/v1/releases", null).header("Link")).contains("/public/v1/open-data");
    }

    @Test
    void aClerkDownloadsTheTemplateAndUploadsAWorkbookThatBecomesADraftBudget() throws Exception {
        HttpResponse<byte[]> template = get("/api/v1/budgets/templates/2024.xlsx", client.token("fgu-clerk"));
        assertThat(template.statusCode()).isEqualTo(200);
        assertThat(template.headers().firstValue("Content-Type").orElseThrow()).isEqualTo(XLSX);

        String seedId = client.get("/api/v1/budgets?departmentCode=405001&fiscalYear=2024", "fgu-clerk").json()
                .get("items").get(0).get("id").asString();
        HttpResponse<byte[]> exported = get("/api/v1/budgets/" + seedId + "/workbook", client.token("fgu-clerk"));
        assertThat(exported.statusCode()).isEqualTo(200);

        String code = "4171" + ThreadLocalRandom.current().nextInt(1000, 10_000);
        new StackScenarios().department(code);
        String clerk = client.token(StackScenarios.clerk(code));
        HttpResponse<String> spoiled = upload(withCell(withCell(exported.body(), "收入", "B3", code), "支出", "D7",
                "abc"), clerk);
        assertThat(spoiled.statusCode()).as(spoiled.body()).isEqualTo(400);
        assertThat(spoiled.body()).contains("支出!D7：金额须为数字，最多两位小数");

        HttpResponse<String> created = upload(withCell(exported.body(), "收入", "B3", code), clerk);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"departmentCode\":\"" + code + "\"").contains("\"status\":\"DRAFT\"");
    }

    static byte[] withCell(byte[] workbook, String sheet, String address, String value) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            CellAddress a = new CellAddress(address);
            var row = wb.getSheet(sheet).getRow(a.getRow());
            (row.getCell(a.getColumn()) == null ? row.createCell(a.getColumn()) : row.getCell(a.getColumn()))
                    .setCellValue(value);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }
}
