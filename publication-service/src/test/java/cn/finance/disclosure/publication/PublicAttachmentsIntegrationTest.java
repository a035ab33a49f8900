package cn.finance.disclosure.publication;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The released version's .xlsx and .pdf attachments (immutable, same ETag rules, same bytes each time) and the year's
 * open-data package (changes with a correction or withdrawal, 304 otherwise), anonymous, over HTTP.
 */
class PublicAttachmentsIntegrationTest extends PublicationIntegrationTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String versionPath(String code, int n) {
        return "/public/v1/publications/" + code + "/" + YEAR + "/versions/" + n;
    }

    @Test
    void givenAReleasedVersion_thenItsWorkbookAndPdfAreImmutableAttachmentsSayingWhatItsTablesSay() throws Exception {
        String code = newCode();
        String hash = seedReleased(code).get("versions").get(0).get("contentHash").stringValue();

        HttpResponse<byte[]> xlsx = get(versionPath(code, 1) + ".xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElseThrow())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.headers().firstValue("ETag").orElseThrow()).isEqualTo("\"" + hash + "-xlsx\"");
        assertThat(xlsx.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElseThrow()).contains(code + "-2024-v1.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("部门收支总表");
        }
        assertThat(get(versionPath(code, 1) + ".xlsx", "If-None-Match", "\"" + hash + "-xlsx\"").statusCode())
                .isEqualTo(304);

        HttpResponse<byte[]> pdf = get(versionPath(code, 1) + ".pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        assertThat(pdf.headers().firstValue("ETag").orElseThrow()).isEqualTo("\"" + hash + "-pdf\"");
        try (var doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains(Seed.name() + "2024年部门预算情况说明").contains("部门收支总表").contains("276.62");
        }
        assertThat(get(versionPath(code, 1) + ".pdf", "If-None-Match", "\"" + hash + "-pdf\"").statusCode())
                .isEqualTo(304);
        JsonNode links = json(http().get(versionPath(code, 1), null)).get("links");
        assertThat(links.get("xlsx").stringValue()).isEqualTo(versionPath(code, 1) + ".xlsx");
        assertThat(links.get("pdf").stringValue()).isEqualTo(versionPath(code, 1) + ".pdf");
        assertThat(get(versionPath(code, 9) + ".pdf").statusCode()).isEqualTo(404);
    }

    @Test
    void givenReleasesCorrectionsAndWithdrawals_thenTheOpenDataPackageChangesWithThemAndOnlyWithThem()
            throws Exception {
        String code = newCode();
        String v1 = seedReleased(code).get("versions").get(0).get("contentHash").stringValue();
        String open = "/public/v1/open-data/" + YEAR;

        HttpResponse<byte[]> first = get(open);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/zip");
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("no-cache");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(descriptor(first.body())).contains("\"contentHash\":\"" + v1 + "\"");
        assertThat(get(open, "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(get(open).body()).as("same versions, same bytes").isEqualTo(first.body());

        EVENTS.approved(code, 2, submitter(code), actor("reviewer-2"), Instant.now(), Seed.budget(code, b ->
                b.put("basicExpenditureUse", "基本支出用于保障机构正常运转（更正）。")));
        String v2 = awaitStatus(code, "DRAFT").get("draft").get("contentHash").stringValue();
        assertThat(http().post("/api/v1/publications/" + id(code) + "/confirmation", head(code), hashBody(v2))
                .status()).isEqualTo(200);
        assertThat(http().post("/api/v1/publications/" + id(code) + "/correction", PUBLISHER,
                reasonBody(v2, "基本支出说明有误")).status()).isEqualTo(201);
        HttpResponse<byte[]> corrected = get(open, "If-None-Match", etag);
        assertThat(corrected.statusCode()).isEqualTo(200);
        String etag2 = corrected.headers().firstValue("ETag").orElseThrow();
        assertThat(etag2).isNotEqualTo(etag);
        assertThat(descriptor(corrected.body())).contains("\"contentHash\":\"" + v2 + "\"")
                .doesNotContain("\"contentHash\":\"" + v1 + "\"");

        assertThat(json(http().get("/public/v1/open-data", null)).get("years").toString())
                .contains("\"link\":\"/public/v1/open-data/2024\"");

        assertThat(http().post("/api/v1/publications/" + id(code) + "/withdrawal", PUBLISHER,
                reasonBody(v2, "待核实后重新发布")).status()).isEqualTo(200);
        HttpResponse<byte[]> withdrawn = get(open, "If-None-Match", etag2);
        assertThat(withdrawn.statusCode()).isIn(200, 404);
        if (withdrawn.statusCode() == 200) {
            assertThat(descriptor(withdrawn.body())).doesNotContain("\"departmentCode\":\"" + code + "\"");
        }

        var feed = http().get("/public/v1/releases", null);
        assertThat(feed.header("Link")).contains("</public/v1/open-data>");
        assertThat(http().get("/public/v1/open-data/1999", null).status()).isEqualTo(400);
        assertThat(http().get("/public/v1/open-data/2099", null).status()).isEqualTo(404);
    }

    static String descriptor(byte[] zip) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals("datapackage.json")) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no datapackage.json");
    }
}
