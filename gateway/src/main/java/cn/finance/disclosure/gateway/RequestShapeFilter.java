package cn.finance.disclosure.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Requests the services must never see are refused here as problem+json, not as a bare status or a service's
 * HTML error page: a request line or headers over the services' limits (Netty's own limits are set higher, so the
 * answer comes from here), a path whose percent-encoding is not valid UTF-8, and whatever Spring Security's
 * firewall rejects (encoded slashes, "..", NUL, ...).
 */
@Configuration(proxyBeanMethods = false)
class RequestShapeFilter {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 3)
    WebFilter requestShape(@Value("${finance.gateway.max-request-line:4KB}") DataSize maxRequestLine,
                           @Value("${finance.gateway.max-header-size:8KB}") DataSize maxHeaders) {
        long lineLimit = maxRequestLine.toBytes();
        long headerLimit = maxHeaders.toBytes();
        return (ServerWebExchange exchange, WebFilterChain chain) -> {
            var request = exchange.getRequest();
            String rawPath = request.getURI().getRawPath();
            String rawQuery = request.getURI().getRawQuery();
            long line = (rawPath == null ? 0 : rawPath.length()) + (rawQuery == null ? 0 : rawQuery.length() + 1);
            if (line > lineLimit) {
                return ProblemWriter.write(exchange, HttpStatus.URI_TOO_LONG, "uri-too-long", "请求地址过长",
                        "请求地址不能超过 " + lineLimit + " 个字符");
            }
            long headers = 0;
            for (Map.Entry<String, List<String>> header : request.getHeaders().headerSet()) {
                for (String value : header.getValue()) {
                    headers += header.getKey().length() + value.length() + 4;
                }
            }
            if (headers > headerLimit) {
                return ProblemWriter.write(exchange, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers-too-large",
                        "请求头过大", "请求头合计不能超过 " + headerLimit + " 字节");
            }
            if (!isUtf8(rawPath) || !isUtf8(rawQuery)) {
                return ProblemWriter.write(exchange, HttpStatus.BAD_REQUEST, "malformed-uri", "请求地址不合规",
                        "请求地址的百分号编码须为合法的 UTF-8");
            }
            return chain.filter(exchange);
        };
    }

    @Bean
    ServerExchangeRejectedHandler problemForRejectedExchanges() {
        return (exchange, rejected) -> ProblemWriter.write(exchange, HttpStatus.BAD_REQUEST, "rejected-request",
                "请求地址不合规", "请求地址含有不允许的字符或路径片段");
    }

    /** Percent-decodes strictly: a malformed escape or bytes that are not UTF-8 make the text invalid. */
    static boolean isUtf8(String raw) {
        if (raw == null || raw.indexOf('%') < 0) {
            return true;
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return false;
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return false;
                }
                bytes.put((byte) (hi * 16 + lo));
                i += 2;
            } else if (c > 0x7f) {
                return false;
            } else {
                bytes.put((byte) c);
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
