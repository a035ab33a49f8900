package cn.finance.disclosure.publication.opendata;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /public/v1/open-data/{fiscalYear}}: the year's Fiscal Data Package as a zip. It changes when a version is
 * released, corrected or withdrawn, so it is revalidated on each use (ETag, 304), never marked immutable.
 */
@RestController
@Validated
class OpenDataController {

    static final String PATH = "/public/v1/open-data";

    private final OpenData openData;

    OpenDataController(OpenData openData) {
        this.openData = openData;
    }

    /** One entry of the index: a year and where its package is. */
    record YearLink(int fiscalYear, String link) {
    }

    record Index(java.util.List<YearLink> years) {
    }

    /** The years that have open data, each with its package's address (the release feed links here). */
    @GetMapping(PATH)
    ResponseEntity<Index> index() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache().cachePublic()).body(new Index(
                openData.years().stream().map(y -> new YearLink(y, PATH + "/" + y)).toList()));
    }

    @GetMapping(PATH + "/{fiscalYear}")
    ResponseEntity<byte[]> year(@PathVariable @Min(2000) @Max(2100) int fiscalYear,
                                @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        CacheControl revalidate = CacheControl.noCache().cachePublic();
        if (ifNoneMatch != null && matches(ifNoneMatch, openData.etag(fiscalYear))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(openData.etag(fiscalYear))
                    .cacheControl(revalidate).build();
        }
        OpenData.Package p = openData.get(fiscalYear);
        return ResponseEntity.ok().eTag(p.etag()).cacheControl(revalidate)
                .contentType(MediaType.parseMediaType(FiscalDataPackage.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("department-budgets-" + fiscalYear + ".zip").build().toString())
                .body(p.bytes());
    }

    /** RFC 9110: a list of entity tags or *, compared weakly. */
    static boolean matches(String ifNoneMatch, String etag) {
        String wanted = strip(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || strip(c).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String strip(String tag) {
        String t = tag.startsWith("W/") ? tag.substring(2) : tag;
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}
