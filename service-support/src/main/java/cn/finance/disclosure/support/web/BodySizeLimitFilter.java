package cn.finance.disclosure.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * The services limit request bodies themselves too (the gateway does it first): a declared length above the limit is
 * refused before reading, and a body without a declared length is cut off as soon as it passes the limit.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

    /** Uploaded .xlsx workbooks (budget import) are allowed more than JSON bodies, and only they. */
    public static final String WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final long maxBytes;
    private final long maxWorkbookBytes;
    private final JsonMapper json;

    public BodySizeLimitFilter(long maxBytes, JsonMapper json) {
        this(maxBytes, maxBytes, json);
    }

    public BodySizeLimitFilter(long maxBytes, long maxWorkbookBytes, JsonMapper json) {
        this.maxBytes = maxBytes;
        this.maxWorkbookBytes = Math.max(maxBytes, maxWorkbookBytes);
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        long maxBytes = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith(WORKBOOK_TYPE)
                ? maxWorkbookBytes : this.maxBytes;
        if (request.getContentLengthLong() > maxBytes) {
            Problems.write(request, response, json, tooLarge());
            return;
        }
        chain.doFilter(new Limited(request, maxBytes), response);
    }

    static org.springframework.http.ProblemDetail tooLarge() {
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "请求体过大", "请求体超过允许的大小");
    }

    /** Thrown while reading past the limit; {@link ProblemHandling} answers 413. */
    public static final class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super("request body too large");
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++read > maxBytes) {
                            throw new BodyTooLargeException();
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0 && (read += n) > maxBytes) {
                            throw new BodyTooLargeException();
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
