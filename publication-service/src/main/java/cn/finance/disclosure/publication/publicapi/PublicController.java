package cn.finance.disclosure.publication.publicapi;

import cn.finance.disclosure.publication.attachment.PdfDisclosure;
import cn.finance.disclosure.publication.attachment.PdfFont;
import cn.finance.disclosure.publication.attachment.XlsxTables;
import cn.finance.disclosure.publication.disclosure.Deadlines;
import cn.finance.disclosure.publication.disclosure.Disclosure;
import cn.finance.disclosure.publication.disclosure.GeneratedContent;
import cn.finance.disclosure.publication.disclosure.PublishedVersion;
import cn.finance.disclosure.publication.document.CsvRenderer;
import cn.finance.disclosure.publication.document.DisclosureContent;
import cn.finance.disclosure.publication.document.DisclosureTable;
import cn.finance.disclosure.publication.document.HtmlRenderer;
import cn.finance.disclosure.publication.document.PlainTextRenderer;
import cn.finance.disclosure.publication.document.TableCodes;
import cn.finance.disclosure.publication.publicapi.ReleasedRepresentations.Representation;
import cn.finance.disclosure.support.web.DomainException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The public read API portals build on: anonymous, read only, released versions only. A version never changes its
 * content, so its representations carry a strong ETag derived from the content hash (the JSON's ETag is the content
 * hash itself), are cacheable for a year and answer 304 to a matching If-None-Match.
 */
@RestController
@Validated
@RequestMapping("/public/v1/publications")
class PublicController {

    private static final String CODE = "[0-9]{6,12}";
    private static final String VERSION = "/{code}/{fiscalYear}/versions/{n:[0-9]{1,9}}";
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(Deadlines.ZONE);

    private final PublicCatalog catalog;
    private final ReleasedRepresentations representations;
    private final JsonMapper json;
    private final PdfFont pdfFont;

    PublicController(PublicCatalog catalog, ReleasedRepresentations representations, JsonMapper json,
                     PdfFont pdfFont) {
        this.catalog = catalog;
        this.representations = representations;
        this.json = json;
        this.pdfFont = pdfFont;
    }

    @GetMapping
    ResponseEntity<PublicViews.ListPage> list(
            @RequestParam(required = false) @Min(2000) @Max(2100) Integer fiscalYear,
            @RequestParam(name = "q", required = false) @Size(max = 100) String text,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return ResponseEntity.ok().cacheControl(Conditional.REVALIDATE)
                .body(catalog.list(fiscalYear, text, page, size));
    }

    /** The current version, as its own JSON; revalidated on each use since a correction replaces it. */
    @GetMapping("/{code}/{fiscalYear}")
    ResponseEntity<PublicViews.VersionDocument> current(
            @PathVariable @Pattern(regexp = CODE) String code, @PathVariable @Min(2000) @Max(2100) int fiscalYear,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        Disclosure d = catalog.published(code, fiscalYear);
        PublishedVersion v = catalog.current(d);
        String etag = Conditional.quoted(v.contentHash());
        ResponseEntity<PublicViews.VersionDocument> notModified = Conditional.notModified(ifNoneMatch, etag,
                Conditional.REVALIDATE);
        if (notModified != null) {
            return notModified;
        }
        return ResponseEntity.ok().headers(Conditional.headers(etag, Conditional.REVALIDATE))
                .header(HttpHeaders.CONTENT_LOCATION, d.versionPath(v.number()))
                .body(PublicViews.VersionDocument.of(d, v, catalog.content(d, v)));
    }

    @GetMapping("/{code}/{fiscalYear}/versions")
    ResponseEntity<PublicViews.VersionList> versions(@PathVariable @Pattern(regexp = CODE) String code,
                                                     @PathVariable @Min(2000) @Max(2100) int fiscalYear) {
        Disclosure d = catalog.published(code, fiscalYear);
        List<PublicViews.VersionEntry> entries = d.versions().stream()
                .map(v -> PublicViews.VersionEntry.of(d, v)).toList();
        return ResponseEntity.ok().cacheControl(Conditional.REVALIDATE).body(new PublicViews.VersionList(
                d.departmentCode(), d.departmentName(), d.fiscalYear(), d.currentVersion(), entries));
    }

    @GetMapping("/{code}/{fiscalYear}/versions/{n}")
    ResponseEntity<byte[]> version(
            @PathVariable @Pattern(regexp = CODE) String code, @PathVariable @Min(2000) @Max(2100) int fiscalYear,
            @PathVariable("n") String n,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        int number = number(n);
        return immutable(key(code, fiscalYear, number, "json"), ifNoneMatch, () -> {
            Disclosure d = catalog.published(code, fiscalYear);
            PublishedVersion v = catalog.version(d, number);
            return new Representation(Conditional.quoted(v.contentHash()), MediaType.APPLICATION_JSON_VALUE,
                    json.writeValueAsBytes(PublicViews.VersionDocument.of(d, v, catalog.content(d, v))), null);
        });
    }

    @GetMapping(VERSION + ".txt")
    ResponseEntity<byte[]> text(@PathVariable @Pattern(regexp = CODE) String code,
                                @PathVariable @Min(2000) @Max(2100) int fiscalYear, @PathVariable("n") String n,
                                @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        int number = number(n);
        return immutable(key(code, fiscalYear, number, "txt"), ifNoneMatch, () -> {
            Disclosure d = catalog.published(code, fiscalYear);
            PublishedVersion v = catalog.version(d, number);
            String text = GeneratedContent.tree(catalog.content(d, v)).path("text").stringValue();
            return new Representation(Conditional.quoted(v.contentHash() + "-txt"), PlainTextRenderer.MEDIA_TYPE,
                    text.getBytes(StandardCharsets.UTF_8), null);
        });
    }

    @GetMapping(VERSION + ".html")
    ResponseEntity<byte[]> html(@PathVariable @Pattern(regexp = CODE) String code,
                                @PathVariable @Min(2000) @Max(2100) int fiscalYear, @PathVariable("n") String n,
                                @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        int number = number(n);
        return immutable(key(code, fiscalYear, number, "html"), ifNoneMatch, () -> {
            Disclosure d = catalog.published(code, fiscalYear);
            PublishedVersion v = catalog.version(d, number);
            String page = new HtmlRenderer().render(GeneratedContent.content(catalog.content(d, v)), metadata(d, v));
            return new Representation(Conditional.quoted(v.contentHash() + "-html"), HtmlRenderer.MEDIA_TYPE,
                    page.getBytes(StandardCharsets.UTF_8), null);
        });
    }

    @GetMapping(VERSION + "/tables/{table}.csv")
    ResponseEntity<byte[]> table(@PathVariable @Pattern(regexp = CODE) String code,
                                 @PathVariable @Min(2000) @Max(2100) int fiscalYear, @PathVariable("n") String n,
                                 @PathVariable String table,
                                 @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        int number = number(n);
        if (!TableCodes.ALL.contains(table)) {
            throw DomainException.notFound("没有表 " + table + "（可用的表见该版本 JSON 的 links.tables）");
        }
        return immutable(key(code, fiscalYear, number, "csv:" + table), ifNoneMatch, () -> {
            Disclosure d = catalog.published(code, fiscalYear);
            PublishedVersion v = catalog.version(d, number);
            DisclosureContent content = GeneratedContent.content(catalog.content(d, v));
            DisclosureTable found = content.findTable(table).orElseThrow(() -> DomainException.notFound(
                    "第" + v.number() + "版没有表 " + table + "（可用的表见该版本 JSON 的 links.tables）"));
            String filename = d.departmentCode() + "-" + d.fiscalYear() + "-v" + v.number() + "-" + table + ".csv";
            return new Representation(Conditional.quoted(v.contentHash() + "-" + table), CsvRenderer.MEDIA_TYPE,
                    new CsvRenderer().render(found),
                    ContentDisposition.inline().filename(filename, StandardCharsets.UTF_8).build().toString());
        });
    }

    /** All standard tables as one workbook, one sheet per table, exactly the figures of the CSV tables. */
    @GetMapping(VERSION + ".xlsx")
    ResponseEntity<byte[]> workbook(@PathVariable @Pattern(regexp = CODE) String code,
                                    @PathVariable @Min(2000) @Max(2100) int fiscalYear, @PathVariable("n") String n,
                                    @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        int number = number(n);
        return immutable(key(code, fiscalYear, number, "xlsx"), ifNoneMatch, () -> {
            Disclosure d = catalog.published(code, fiscalYear);
            PublishedVersion v = catalog.version(d, number);
            byte[] body = new XlsxTables().render(GeneratedContent.content(catalog.content(d, v)), v.releasedAt());
            return new Representation(Conditional.quoted(v.contentHash() + "-xlsx"), XlsxTables.MEDIA_TYPE, body,
                    attachment(d, v, "xlsx"));
        });
    }

    /** The whole disclosure as a PDF with the Chinese font embedded; 503 when the server has no such font. */
    @GetMapping(VERSION + ".pdf")
    ResponseEntity<byte[]> pdf(@PathVariable @Pattern(regexp = CODE) String code,
                               @PathVariable @Min(2000) @Max(2100) int fiscalYear, @PathVariable("n") String n,
                               @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        int number = number(n);
        return immutable(key(code, fiscalYear, number, "pdf"), ifNoneMatch, () -> {
            Disclosure d = catalog.published(code, fiscalYear);
            PublishedVersion v = catalog.version(d, number);
            long seed = Long.parseUnsignedLong(v.contentHash().substring(0, 15), 16);
            byte[] body = new PdfDisclosure(pdfFont).render(GeneratedContent.content(catalog.content(d, v)),
                    metadata(d, v), v.releasedAt(), seed);
            return new Representation(Conditional.quoted(v.contentHash() + "-pdf"), PdfDisclosure.MEDIA_TYPE, body,
                    attachment(d, v, "pdf"));
        });
    }

    /** Only what never changes about a version, so a page or file showing it is as immutable as the content. */
    private static Map<String, String> metadata(Disclosure d, PublishedVersion v) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("单位编码", d.departmentCode());
        metadata.put("预算年度", Integer.toString(d.fiscalYear()));
        metadata.put("版本", "第" + v.number() + "版" + (v.correction() ? "（更正第" + v.supersedes() + "版）" : ""));
        metadata.put("发布时间", LOCAL_TIME.format(v.releasedAt()) + "（北京时间）");
        if (v.correction()) {
            metadata.put("更正原因", v.reason());
        }
        metadata.put("内容哈希（SHA-256）", v.contentHash());
        return metadata;
    }

    private static String attachment(Disclosure d, PublishedVersion v, String extension) {
        String filename = d.departmentCode() + "-" + d.fiscalYear() + "-v" + v.number() + "." + extension;
        return ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString();
    }

    private static String key(String code, int fiscalYear, int number, String kind) {
        return code + "/" + fiscalYear + "/" + number + "/" + kind;
    }

    /** An immutable representation from memory (made once), as 304 when the caller has it already. */
    private ResponseEntity<byte[]> immutable(String key, String ifNoneMatch, Supplier<Representation> make) {
        Representation r = representations.get(key, make);
        ResponseEntity<byte[]> notModified = Conditional.notModified(ifNoneMatch, r.etag(), Conditional.IMMUTABLE);
        if (notModified != null) {
            return notModified;
        }
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().headers(Conditional.headers(r.etag(), Conditional.IMMUTABLE))
                .contentType(MediaType.parseMediaType(r.mediaType()));
        if (r.contentDisposition() != null) {
            ok.header(HttpHeaders.CONTENT_DISPOSITION, r.contentDisposition());
        }
        if (r.mediaType().startsWith(MediaType.TEXT_HTML_VALUE)) {
            ok.header("Content-Security-Policy", HtmlRenderer.CONTENT_SECURITY_POLICY);
        }
        return ok.body(r.body());
    }

    /**
     * The version number of a path. Mapped as a plain variable (the .txt/.html/.csv mappings are more specific), so a
     * malformed number is a 400 and an unknown format a 404 rather than no mapping at all.
     */
    private static int number(String n) {
        if (n.matches("[0-9]{1,9}\\.[^/]*") || n.matches("[0-9]{10,}(\\.[^/]*)?")) {
            throw DomainException.notFound("没有这一版本或格式：" + n + "（版本号为正整数，可加 .txt、.html、.xlsx 或 .pdf）");
        }
        if (!n.matches("[0-9]{1,9}")) {
            throw DomainException.badRequest("validation", "版本号须为正整数", Map.of("errors",
                    List.of(Map.of("field", "version", "message", "版本号须为正整数"))));
        }
        int number = Integer.parseInt(n);
        if (number < 1) {
            throw DomainException.badRequest("validation", "版本号须为正整数（从1开始）", Map.of("errors",
                    List.of(Map.of("field", "version", "message", "版本号须为正整数（从1开始）"))));
        }
        return number;
    }
}
