package cn.finance.disclosure.publication.attachment;

import cn.finance.disclosure.support.web.DomainException;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Chinese font the PDF embeds: a TrueType-outline CJK font (Debian's fonts-arphic-uming by default; a .ttc
 * collection's first face or a .ttf). Without it the PDF is refused with a 503, never made with missing glyphs.
 */
@Component
public class PdfFont {

    public static final String DEFAULT_PATH = "/usr/share/fonts/truetype/arphic/uming.ttc";

    private final Path path;

    public PdfFont(@Value("${finance.pdf.font-path:" + DEFAULT_PATH + "}") String path) {
        this.path = Path.of(path);
    }

    public Path path() {
        return path;
    }

    public boolean available() {
        return Files.isRegularFile(path) && Files.isReadable(path);
    }

    /** The font loaded into {@code document}; close the returned handle after the document is saved. */
    Loaded load(PDDocument document) {
        if (!available()) {
            throw missing();
        }
        try {
            if (path.toString().toLowerCase().endsWith(".ttc")) {
                TrueTypeCollection collection = new TrueTypeCollection(path.toFile());
                AtomicReference<TrueTypeFont> first = new AtomicReference<>();
                collection.processAllFonts(f -> first.compareAndSet(null, f));
                if (first.get() == null) {
                    collection.close();
                    throw missing();
                }
                return new Loaded(PDType0Font.load(document, first.get(), true), collection);
            }
            return new Loaded(PDType0Font.load(document, path.toFile()), () -> { });
        } catch (IOException e) {
            throw new DomainException(HttpStatus.SERVICE_UNAVAILABLE, "pdf-font-unavailable", "PDF 暂不可用",
                    "PDF 所需的中文字体无法读取（" + path.getFileName() + "），请稍后再试或改用 .html / .txt 版本");
        }
    }

    private DomainException missing() {
        return new DomainException(HttpStatus.SERVICE_UNAVAILABLE, "pdf-font-unavailable", "PDF 暂不可用",
                "服务器未安装 PDF 所需的中文字体（" + path.getFileName() + "），暂不能生成 PDF；请改用 .html、.txt 或 .xlsx 版本");
    }

    /** A font in a document, and what must stay open until the document is saved. */
    record Loaded(PDType0Font font, Closeable source) implements Closeable {
        @Override
        public void close() throws IOException {
            source.close();
        }
    }
}
