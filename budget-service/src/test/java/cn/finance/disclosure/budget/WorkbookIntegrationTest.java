package cn.finance.disclosure.budget;

import cn.finance.disclosure.testing.Http;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbook over HTTP with real tokens: the template downloads, an exported budget re-imported is the same budget
 * with the same findings, and bad or hostile workbooks are 4xx problem+json with nothing stored.
 */
@ContextConfiguration(initializers = EmbeddedInfrastructureInitializer.class)
class WorkbookIntegrationTest extends BudgetServiceTestSupport {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    static String auth(String bearer) {
        return bearer.startsWith("Bearer ") ? bearer : "Bearer " + bearer;
    }

    HttpResponse<byte[]> getBytes(String path, String bearer) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", auth(bearer)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    Http.Response upload(byte[] body, String bearer, String contentType) {
        return Http.sendRaw(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/budgets/imports"))
                .header("Authorization", auth(bearer)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    static byte[] withCell(byte[] workbook, String sheet, String address, String value) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            CellAddress a = new CellAddress(address);
            var row = wb.getSheet(sheet).getRow(a.getRow());
            var cell = row.getCell(a.getColumn()) == null ? row.createCell(a.getColumn()) : row.getCell(a.getColumn());
            cell.setCellValue(value);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void givenAClerk_whenDownloadingTheTemplate_thenAnXlsxWithTheBudgetSheets() throws Exception {
        HttpResponse<byte[]> r = getBytes("/api/v1/budgets/templates/2024.xlsx", clerk(freshCode()));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).isEqualTo(XLSX);
        assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            assertThat(wb.getSheet("支出").getRow(1).getCell(3).getStringCellValue()).isEqualTo("基本支出（元）");
            assertThat(wb.getSheet("收入").getRow(3).getCell(1).getNumericCellValue()).isEqualTo(2024d);
        }
        assertThat(CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/budgets/templates/2024.xlsx")).GET().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(401);
    }

    @Test
    void givenAnExportedBudget_whenImportedByAnotherDepartmentsClerk_thenTheSameBudgetWithTheSameFindings()
            throws Exception {
        String first = freshCode();
        String id = create(seedFor(first));
        HttpResponse<byte[]> exported = getBytes("/api/v1/budgets/" + id + "/workbook", clerk(first));
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.headers().firstValue("Content-Type").orElseThrow()).isEqualTo(XLSX);

        String second = freshCode();
        Http.Response imported = upload(withCell(exported.body(), "收入", "B3", second), clerk(second), XLSX);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.header("Location")).startsWith("/api/v1/budgets/");
        JsonNode created = body(imported);
        assertThat(created.get("status").asString()).isEqualTo("DRAFT");
        assertThat(created.get("submission")).isEqualTo(EventJsonTree.of(seedFor(second)));

        JsonNode viaJson = body(http().post("/api/v1/budgets/" + id + "/validation", clerk(first), null));
        JsonNode viaWorkbook = body(http().post("/api/v1/budgets/" + created.get("id").asString() + "/validation",
                clerk(second), null));
        assertThat(viaWorkbook.get("findings")).isEqualTo(viaJson.get("findings"));

        // the same workbook again is the same refusal as the same JSON twice
        Http.Response again = upload(withCell(exported.body(), "收入", "B3", second), clerk(second), XLSX);
        assertProblem(again, 409, "budget-exists");
    }

    @Test
    void givenSpoiledOrHostileWorkbooks_thenProblemsNamingCellsAndNothingStored() throws Exception {
        String code = freshCode();
        byte[] template = getBytes("/api/v1/budgets/templates/2024.xlsx", clerk(code)).body();
        byte[] spoiled = withCell(withCell(template, "收入", "B3", code), "支出", "D7", "abc");
        Http.Response bad = upload(spoiled, clerk(code), XLSX);
        assertProblem(bad, 400, "workbook-invalid", "支出!D7：金额须为数字，最多两位小数");
        JsonNode error = body(bad).get("errors").get(0);
        assertThat(error.get("sheet").asString()).isEqualTo("支出");
        assertThat(error.get("cell").asString()).isEqualTo("D7");

        assertProblem(upload("hello".getBytes(StandardCharsets.UTF_8), clerk(code), XLSX), 400, "workbook-rejected");
        assertProblem(upload(template, clerk(code), "application/vnd.ms-excel.sheet.macroEnabled.12"), 415);
        assertProblem(upload(template, clerk(code), "application/json"), 415);
        // above the JSON limit (1 MB) but within the workbook limit: read, and refused for what it is
        byte[] large = Arrays.copyOf("not a workbook".getBytes(StandardCharsets.UTF_8), 2 * 1024 * 1024);
        assertProblem(upload(large, clerk(code), XLSX), 400, "workbook-rejected");
        assertProblem(upload(new byte[6 * 1024 * 1024], clerk(code), XLSX), 413);
        // someone else's department, and a role that does not draft budgets
        byte[] mine = withCell(template, "收入", "B3", code);
        assertProblem(upload(mine, clerk(freshCode()), XLSX), 403);
        assertProblem(upload(mine, reviewer(), XLSX), 403);
        assertThat(stored(code)).isEmpty();
    }

    /** The JSON tree of a request body as the service echoes it (amounts as strings, same members). */
    static final class EventJsonTree {
        static JsonNode of(JsonNode tree) {
            return cn.finance.disclosure.events.EventJson.MAPPER.valueToTree(
                    cn.finance.disclosure.events.EventJson.MAPPER.treeToValue(tree,
                            cn.finance.disclosure.model.BudgetContent.class));
        }
    }
}
