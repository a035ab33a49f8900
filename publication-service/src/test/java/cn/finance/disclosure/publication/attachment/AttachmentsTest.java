package cn.finance.disclosure.publication.attachment;

import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.model.BudgetContent;
import cn.finance.disclosure.publication.document.ProfileContent;
import cn.finance.disclosure.publication.document.CsvRenderer;
import cn.finance.disclosure.publication.document.DisclosureContent;
import cn.finance.disclosure.publication.document.DisclosureGenerator;
import cn.finance.disclosure.publication.document.DisclosureInput;
import cn.finance.disclosure.publication.document.DisclosureTable;
import cn.finance.disclosure.publication.document.DisclosureTable.ColumnKind;
import cn.finance.disclosure.publication.document.SeedFacts;
import cn.finance.disclosure.support.web.DomainException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttachmentsTest {

    private static final Instant RELEASED = Instant.parse("2024-02-20T02:00:00Z");

    static DisclosureContent seed() {
        JsonNode facts = SeedFacts.facts();
        JsonNode department = facts.get("department");
        return new DisclosureGenerator().generate(new DisclosureInput(
                department.get("code").stringValue(), department.get("name").stringValue(),
                EventJson.MAPPER.treeToValue(department.get("profile"), ProfileContent.class),
                EventJson.MAPPER.treeToValue(facts.get("budget"), BudgetContent.class)));
    }

    private static Map<String, String> metadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("版本", "第1版");
        m.put("发布时间", "2024-02-20 10:00（北京时间）");
        return m;
    }

    private static PdfFont font() {
        PdfFont font = new PdfFont(PdfFont.DEFAULT_PATH);
        Assumptions.assumeTrue(font.available(), "fonts-arphic-uming is not installed (.ci/run installs it)");
        return font;
    }

    @Test
    void givenSeed_whenWorkbookRendered_thenEverySheetHoldsExactlyTheCellsOfItsCsvTable() throws Exception {
        DisclosureContent content = seed();
        byte[] bytes = new XlsxTables().render(content, RELEASED);
        DataFormatter formatter = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(content.tables().size());
            for (int t = 0; t < content.tables().size(); t++) {
                DisclosureTable table = content.tables().get(t);
                XSSFSheet sheet = wb.getSheetAt(t);
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(table.title());
                int last = table.columns().size() - 1;
                assertThat(sheet.getRow(1).getCell(last).getStringCellValue()).isEqualTo("单位：万元");
                List<List<String>> csv = csvRows(new CsvRenderer().toCsv(table));
                List<String> labels = new ArrayList<>();
                for (int i = 0; i <= last; i++) {
                    var c = table.columns().get(i);
                    String group = sheet.getRow(2).getCell(i).getStringCellValue();
                    labels.add((group.isEmpty() ? "" : group + "/") + sheet.getRow(XlsxTables.HEADER_ROW)
                            .getCell(i).getStringCellValue() + (c.kind() == ColumnKind.AMOUNT ? "（万元）" : ""));
                }
                assertThat(labels).as(table.code() + " header").isEqualTo(csv.get(0));
                for (int r = 1; r < csv.size(); r++) {
                    var row = sheet.getRow(XlsxTables.HEADER_ROW + r);
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i <= last; i++) {
                        cells.add(formatter.formatCellValue(row.getCell(i)));
                    }
                    assertThat(cells).as(table.code() + " row " + r).isEqualTo(csv.get(r));
                    for (int i = 0; i <= last; i++) {
                        if (table.columns().get(i).kind() == ColumnKind.AMOUNT && !csv.get(r).get(i).isEmpty()) {
                            assertThat(row.getCell(i).getNumericCellValue()).as("amount is a number")
                                    .isEqualTo(Double.parseDouble(csv.get(r).get(i)));
                        }
                    }
                }
            }
        }
    }

    @Test
    void givenSameContent_whenRenderedTwice_thenWorkbookAndPdfBytesAreIdentical() throws Exception {
        DisclosureContent content = seed();
        byte[] first = new XlsxTables().render(content, RELEASED);
        Thread.sleep(1100); // zip timestamps have a two-second grain; cross a boundary
        assertThat(new XlsxTables().render(content, RELEASED)).isEqualTo(first);
        PdfDisclosure pdf = new PdfDisclosure(font());
        assertThat(pdf.render(content, metadata(), RELEASED, 42L)).isEqualTo(pdf.render(content, metadata(), RELEASED, 42L));
    }

    @Test
    void givenSeed_whenPdfRendered_thenItsTextHoldsEveryLineOfTheTextAndEveryRowOfEveryTable() throws Exception {
        DisclosureContent content = seed();
        byte[] bytes = new PdfDisclosure(font()).render(content, metadata(), RELEASED, 42L);
        Path out = Path.of("target", "attachments");
        Files.createDirectories(out);
        Files.write(out.resolve("seed.pdf"), bytes);
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isCloseTo(595.27f, org.assertj.core.data.Offset.offset(0.1f));
            String text = new PDFTextStripper().getText(pdf);
            String compact = text.replaceAll("\\s+", "");
            for (String line : content.text().split("\\R")) {
                assertThat(compact).as("text line").contains(line.replaceAll("\\s+", ""));
            }
            // every table, then every row, then every non-empty cell, found in reading order
            int at = compact.indexOf(content.tables().get(0).title() + "单位：");
            assertThat(at).isPositive();
            for (DisclosureTable table : content.tables()) {
                at = compact.indexOf(table.title(), at);
                assertThat(at).as(table.title()).isNotNegative();
                for (var row : table.rows()) {
                    for (String cell : row.cells()) {
                        String c = cell.replaceAll("\\s+", "");
                        if (!c.isEmpty()) {
                            int found = compact.indexOf(c, at);
                            assertThat(found).as(table.code() + " " + row.cells() + " cell " + c).isNotNegative();
                            at = found + c.length();
                        }
                    }
                }
            }
            for (var page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont f = page.getResources().getFont(name);
                    assertThat(f).isInstanceOf(PDType0Font.class);
                    assertThat(f.isEmbedded()).as("font embedded").isTrue();
                }
            }
            assertThat(pdf.getDocumentCatalog().getMetadata()).isNotNull();
            assertThat(new String(pdf.getDocumentCatalog().getMetadata().toByteArray(), "UTF-8"))
                    .contains("<pdfaid:part>2</pdfaid:part>");
        }
        renderFirstPage(out.resolve("seed.pdf"), out.resolve("seed-page"));
    }

    /** The first page as PNG under target/ for a person to look at (poppler's pdftoppm, where installed). */
    private static void renderFirstPage(Path pdf, Path prefix) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/pdftoppm"))) {
            return;
        }
        Process p = new ProcessBuilder("/usr/bin/pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                pdf.toString(), prefix.toString()).inheritIO().start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(Path.of(prefix + ".png")).exists();
    }

    @Test
    void givenNoFont_whenPdfRequested_thenServiceUnavailableNamesTheFont() {
        PdfFont missing = new PdfFont("/nonexistent/uming.ttc");
        assertThat(missing.available()).isFalse();
        assertThatThrownBy(() -> new PdfDisclosure(missing).render(seed(), metadata(), RELEASED, 1L))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("uming.ttc");
                });
    }

    @Test
    void givenCharacterTheFontLacks_whenPdfRendered_thenItIsSpelledOutNotDropped() throws Exception {
        DisclosureContent seed = seed();
        DisclosureContent content = new DisclosureContent(seed.title(), seed.fiscalYear(), seed.departmentCode(),
                seed.departmentName(), seed.figures(), seed.sections(), seed.contact(), "联系人🙂张三", List.of());
        byte[] bytes = new PdfDisclosure(font()).render(content, Map.of(), RELEASED, 1L);
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("联系人[U+1F642]张三");
        }
    }

    /** A small RFC 4180 reader for the renderer's own output. */
    static List<List<String>> csvRows(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r') {
                // part of CRLF
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        return rows;
    }

    static List<String> split(String s) {
        return Arrays.asList(s.split(","));
    }
}
