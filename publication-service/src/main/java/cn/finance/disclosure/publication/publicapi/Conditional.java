package cn.finance.disclosure.publication.publicapi;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;

/** Immutable public representations: a strong ETag, cached for a year, and 304 when the client holds it already. */
final class Conditional {

    static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
    /** What may change (the current version, the lists): cached, but revalidated each time. */
    static final CacheControl REVALIDATE = CacheControl.noCache().cachePublic();

    private Conditional() {
    }

    static String quoted(String tag) {
        return "\"" + tag + "\"";
    }

    /** RFC 9110 §13.1.2: a list of entity tags or "*", compared weakly. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
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

    /** 304 with the validators, or null when the body must be sent. */
    static <T> ResponseEntity<T> notModified(String ifNoneMatch, String etag, CacheControl cache) {
        if (!matches(ifNoneMatch, etag)) {
            return null;
        }
        return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache).build();
    }

    static HttpHeaders headers(String etag, CacheControl cache) {
        HttpHeaders headers = new HttpHeaders();
        headers.setETag(etag);
        headers.setCacheControl(cache);
        return headers;
    }
}
