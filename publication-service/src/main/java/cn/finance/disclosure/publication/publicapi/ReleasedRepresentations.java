package cn.finance.disclosure.publication.publicapi;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The bytes of released versions' representations (JSON, text, HTML, table CSV), kept in memory once made: a released
 * version never changes, so nothing is ever invalidated. Bounded in bytes, least recently used first out. A read
 * that hits needs neither MongoDB nor rendering.
 */
@Component
class ReleasedRepresentations {

    /** One representation: its strong ETag, media type, bytes and, for downloads, a Content-Disposition. */
    record Representation(String etag, String mediaType, byte[] body, String contentDisposition) {
    }

    private final long maxBytes;
    private long bytes;
    private final LinkedHashMap<String, Representation> entries = new LinkedHashMap<>(256, 0.75f, true);

    ReleasedRepresentations(@Value("${finance.public.cache-size:64MB}") DataSize maxSize) {
        this.maxBytes = maxSize.toBytes();
    }

    /** The cached representation, or the one {@code make} builds (which may throw, e.g. 404: nothing is kept then). */
    Representation get(String key, Supplier<Representation> make) {
        Representation cached = lookup(key);
        if (cached != null) {
            return cached;
        }
        Representation made = make.get();
        store(key, made);
        return made;
    }

    private synchronized Representation lookup(String key) {
        return entries.get(key);
    }

    private synchronized void store(String key, Representation representation) {
        if (representation.body().length > maxBytes / 8 || entries.containsKey(key)) {
            return;
        }
        entries.put(key, representation);
        bytes += representation.body().length;
        Iterator<Map.Entry<String, Representation>> oldest = entries.entrySet().iterator();
        while (bytes > maxBytes && oldest.hasNext()) {
            bytes -= oldest.next().getValue().body().length;
            oldest.remove();
        }
    }
}
