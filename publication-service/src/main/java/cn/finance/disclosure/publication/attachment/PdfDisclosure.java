package cn.finance.disclosure.publication.attachment;

import cn.finance.disclosure.publication.document.DisclosureContent;
import cn.finance.disclosure.publication.document.DisclosureTable;
import cn.finance.disclosure.publication.document.DisclosureTable.Column;
import cn.finance.disclosure.publication.document.DisclosureTable.ColumnKind;
import cn.finance.disclosure.publication.document.DisclosureTable.Row;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

/**
 * The whole disclosure as a PDF ({@code versions/{n}.pdf}): A4, the explanation's text line by line, then every
 * standard table, with the Chinese font embedded (a subset) so the text can be selected and searched. It declares
 * PDF/A-2b (XMP identification, an sRGB output intent, every font embedded); no PDF/A validator runs here. The bytes
 * depend on the content alone: dates are the release instant and the document id is derived from the content hash.
 */
public final class PdfDisclosure {

    public static final String MEDIA_TYPE = "application/pdf";

    private static final float MARGIN = 50f;
    private static final float BODY = 10.5f;
    private static final float TABLE = 7.5f;
    private static final float PAD = 2.5f;

    private final PdfFont fonts;

    public PdfDisclosure(PdfFont fonts) {
        this.fonts = fonts;
    }

    /**
     * @param metadata lines printed under the title (版本, 发布时间, 内容哈希), in order
     * @param seed     any value fixed for this version (e.g. from its content hash): the document id derives from it
     */
    public byte[] render(DisclosureContent content, Map<String, String> metadata, Instant releasedAt, long seed) {
        try (PDDocument document = new PDDocument(); PdfFont.Loaded loaded = fonts.load(document)) {
            Writer w = new Writer(document, loaded.font());
            w.newPage(PDRectangle.A4);
            w.centered(content.title(), 16f);
            w.gap(4f);
            for (Map.Entry<String, String> m : metadata.entrySet()) {
                w.centered(m.getKey() + "：" + m.getValue(), 8f);
            }
            w.gap(10f);
            for (String line : content.text().split("\\R", -1)) {
                if (line.isBlank()) {
                    w.gap(BODY * 0.6f);
                } else if (!line.equals(content.title())) {
                    w.paragraph(line, BODY);
                }
            }
            for (DisclosureTable table : content.tables()) {
                w.table(table);
            }
            w.finish();
            identify(document, content.title(), releasedAt, seed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fixed dates and id, the PDF/A identification and output intent. */
    private static void identify(PDDocument document, String title, Instant releasedAt, long seed)
            throws IOException {
        Calendar when = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
        when.setTimeInMillis(releasedAt.toEpochMilli());
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setProducer("budget-disclosure");
        info.setCreationDate(when);
        info.setModificationDate(when);
        document.setDocumentId(seed);
        var catalog = document.getDocumentCatalog();
        catalog.setLanguage("zh-CN");
        String date = DateTimeFormatter.ISO_INSTANT.format(releasedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        String xmp = """
                <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
                <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"><pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>
                <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:format>application/pdf</dc:format><dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title></rdf:Description>
                <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:CreateDate>%s</xmp:CreateDate><xmp:ModifyDate>%s</xmp:ModifyDate></rdf:Description>
                <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"><pdf:Producer>budget-disclosure</pdf:Producer></rdf:Description>
                </rdf:RDF></x:xmpmeta>
                <?xpacket end="w"?>""".formatted(xml(title), date, date);
        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(xmp.getBytes(StandardCharsets.UTF_8));
        catalog.setMetadata(metadata);
        byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(srgb));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        catalog.addOutputIntent(intent);
        intent.getCOSObject().setItem(COSName.S, COSName.getPDFName("GTS_PDFA1"));
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A cursor over pages: text flows down, a new page when the current one is full. */
    private static final class Writer {
        private final PDDocument document;
        private final PDType0Font font;
        private PDPage page;
        private PDPageContentStream stream;
        private float y;
        private final Map<Integer, Boolean> glyphs = new HashMap<>();

        Writer(PDDocument document, PDType0Font font) {
            this.document = document;
            this.font = font;
        }

        void newPage(PDRectangle size) throws IOException {
            if (stream != null) {
                stream.close();
            }
            page = new PDPage(size);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = size.getHeight() - MARGIN;
        }

        float width() {
            return page.getMediaBox().getWidth() - 2 * MARGIN;
        }

        void ensure(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage(page.getMediaBox());
            }
        }

        void gap(float height) {
            y -= height;
        }

        void centered(String text, float size) throws IOException {
            for (String line : wrap(text, size, width())) {
                ensure(size * 1.5f);
                float x = MARGIN + (width() - textWidth(line, size)) / 2;
                show(line, x, y - size, size);
                y -= size * 1.5f;
            }
        }

        void paragraph(String text, float size) throws IOException {
            for (String line : wrap(text, size, width())) {
                ensure(size * 1.6f);
                show(line, MARGIN, y - size, size);
                y -= size * 1.6f;
            }
        }

        void table(DisclosureTable table) throws IOException {
            List<Column> columns = table.columns();
            newPage(columns.size() > 7 ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth())
                    : PDRectangle.A4);
            centered(table.title(), 13f);
            String unit = "单位：" + table.unit();
            show(unit, MARGIN + width() - textWidth(unit, 8f), y - 8f, 8f);
            y -= 12f;
            float[] widths = widths(columns, width());
            boolean groups = columns.stream().anyMatch(c -> c.group() != null);
            List<String> header = new ArrayList<>();
            for (Column c : columns) {
                header.add(groups && c.group() != null ? c.group() + " " + c.label() : c.label());
            }
            row(header, columns, widths, true);
            for (Row r : table.rows()) {
                if (rowHeight(r.cells(), widths) > y - MARGIN) {
                    newPage(page.getMediaBox());
                    row(header, columns, widths, true);
                }
                row(r.cells(), columns, widths, false);
            }
            if (table.note() != null) {
                y -= 4f;
                paragraph(table.note(), 9f);
            }
        }

        private float rowHeight(List<String> cells, float[] widths) throws IOException {
            int lines = 1;
            for (int i = 0; i < cells.size(); i++) {
                lines = Math.max(lines, wrap(cells.get(i), TABLE, widths[i] - 2 * PAD).size());
            }
            return lines * TABLE * 1.3f + 2 * PAD;
        }

        private void row(List<String> cells, List<Column> columns, float[] widths, boolean header)
                throws IOException {
            float height = rowHeight(cells, widths);
            float x = MARGIN;
            for (int i = 0; i < cells.size(); i++) {
                stream.addRect(x, y - height, widths[i], height);
                List<String> lines = wrap(cells.get(i), TABLE, widths[i] - 2 * PAD);
                float lineY = y - PAD - TABLE;
                for (String line : lines) {
                    float w = textWidth(line, TABLE);
                    float lx = header ? x + (widths[i] - w) / 2
                            : columns.get(i).kind() == ColumnKind.AMOUNT ? x + widths[i] - PAD - w : x + PAD;
                    show(line, lx, lineY, TABLE);
                    lineY -= TABLE * 1.3f;
                }
                x += widths[i];
            }
            stream.setLineWidth(0.5f);
            stream.stroke();
            y -= height;
        }

        private static float[] widths(List<Column> columns, float total) {
            float[] weights = new float[columns.size()];
            float sum = 0;
            for (int i = 0; i < weights.length; i++) {
                weights[i] = switch (columns.get(i).kind()) {
                    case CODE -> 1.1f;
                    case TEXT -> 2.6f;
                    case AMOUNT -> 1.2f;
                };
                sum += weights[i];
            }
            float[] widths = new float[weights.length];
            for (int i = 0; i < weights.length; i++) {
                widths[i] = total * weights[i] / sum;
            }
            return widths;
        }

        private void show(String text, float x, float baseline, float size) throws IOException {
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, baseline);
            stream.showText(text);
            stream.endText();
        }

        private float textWidth(String text, float size) throws IOException {
            return font.getStringWidth(text) / 1000f * size;
        }

        /** Lines that fit {@code width}, broken between characters (Chinese has no spaces to break at). */
        private List<String> wrap(String raw, float size, float width) throws IOException {
            String text = printable(raw);
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            float used = 0;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                float w = textWidth(ch, size);
                if (used + w > width && !line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                    used = 0;
                }
                line.append(ch);
                used += w;
                i += Character.charCount(cp);
            }
            if (!line.isEmpty() || lines.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }

        /** Control characters as spaces; a character the font lacks as its code point, never a blank glyph. */
        private String printable(String text) throws IOException {
            StringBuilder out = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                if (Character.isISOControl(cp)) {
                    out.append(' ');
                } else if (hasGlyph(cp)) {
                    out.appendCodePoint(cp);
                } else {
                    out.append(String.format("[U+%04X]", cp));
                }
                i += Character.charCount(cp);
            }
            return out.toString();
        }

        private boolean hasGlyph(int codePoint) throws IOException {
            Boolean known = glyphs.get(codePoint);
            if (known == null) {
                try {
                    font.encode(new String(Character.toChars(codePoint)));
                    known = true;
                } catch (IllegalArgumentException noGlyph) {
                    known = false;
                }
                glyphs.put(codePoint, known);
            }
            return known;
        }

        void finish() throws IOException {
            stream.close();
            int n = document.getNumberOfPages();
            for (int i = 0; i < n; i++) {
                PDPage p = document.getPage(i);
                try (PDPageContentStream s = new PDPageContentStream(document, p,
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    String footer = "第 " + (i + 1) + " 页 共 " + n + " 页";
                    s.beginText();
                    s.setFont(font, 8f);
                    s.newLineAtOffset((p.getMediaBox().getWidth() - textWidth(footer, 8f)) / 2, MARGIN / 2);
                    s.showText(footer);
                    s.endText();
                }
            }
        }
    }
}
