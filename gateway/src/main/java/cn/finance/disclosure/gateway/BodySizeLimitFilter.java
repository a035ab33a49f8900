package cn.finance.disclosure.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Request bodies are limited before anything reads them: a declared length above the limit is 413; a body without a
 * declared length (chunked) is 411, so no stream of unknown size reaches a service.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class BodySizeLimitFilter implements WebFilter {

    /** The one route that takes an uploaded .xlsx workbook, allowed a larger body than JSON routes. */
    static final String WORKBOOK_IMPORT_PATH = "/api/v1/budgets/imports";

    private final long maxBytes;
    private final long maxWorkbookBytes;

    BodySizeLimitFilter(@Value("${finance.gateway.max-body-size:1MB}") DataSize maxBodySize,
                        @Value("${finance.gateway.max-workbook-size:5MB}") DataSize maxWorkbookSize) {
        this.maxBytes = maxBodySize.toBytes();
        this.maxWorkbookBytes = Math.max(maxBytes, maxWorkbookSize.toBytes());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        long length = headers.getContentLength();
        long maxBytes = WORKBOOK_IMPORT_PATH.equals(exchange.getRequest().getPath().value())
                ? maxWorkbookBytes : this.maxBytes;
        if (length > maxBytes) {
            return ProblemWriter.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "请求体过大",
                    "请求体不能超过 " + maxBytes + " 字节");
        }
        HttpMethod method = exchange.getRequest().getMethod();
        boolean chunked = length < 0 && headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
        if (chunked && (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH)) {
            return ProblemWriter.write(exchange, HttpStatus.LENGTH_REQUIRED, "length-required", "缺少请求体长度",
                    "请求须带 Content-Length 请求头");
        }
        return chain.filter(exchange);
    }
}
