package cn.finance.disclosure.publication.attachment;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Zip archives with the same bytes every time: entries in the given order, every timestamp one fixed instant. An
 * immutable representation (its ETag says "these bytes forever") cannot carry the moment it was rendered.
 */
public final class StableZip {

    /** Zip's DOS time cannot say 1970; any fixed value will do. */
    static final LocalDateTime FIXED = LocalDateTime.of(2000, 1, 1, 0, 0);

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ZipOutputStream zip = new ZipOutputStream(bytes);

    public StableZip add(String name, byte[] content) {
        try {
            ZipEntry entry = new ZipEntry(name);
            // local DOS time only: setTime would convert through the machine's time zone
            entry.setTimeLocal(FIXED);
            zip.putNextEntry(entry);
            zip.write(content);
            zip.closeEntry();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] finish() {
        try {
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same archive (entries in their order, same contents) rewritten with fixed timestamps. */
    public static byte[] normalize(byte[] archive) {
        StableZip out = new StableZip();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.add(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.finish();
    }
}
