package cn.finance.disclosure.gateway;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** problem+json written by the gateway itself (401, 403, 413, 429), with the same stable types as the services. */
final class ProblemWriter {

    private ProblemWriter() {
    }

    static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String slug, String title, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:finance:problem:" + slug);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());
        String correlationId = exchange.getAttribute(CorrelationIdFilter.ATTRIBUTE);
        if (correlationId != null) {
            problem.put("correlationId", correlationId);
        }
        byte[] bytes = toJson(problem).getBytes(StandardCharsets.UTF_8);
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }

    /** The same problem document for answers written below Spring, on the connection itself. */
    static byte[] bytes(int status, String slug, String title, String detail, String instance, String correlationId) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:finance:problem:" + slug);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (instance != null) {
            problem.put("instance", instance);
        }
        problem.put("correlationId", correlationId);
        return toJson(problem).getBytes(StandardCharsets.UTF_8);
    }

    private static String toJson(Map<String, Object> map) {
        StringBuilder json = new StringBuilder("{");
        map.forEach((k, v) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(k).append("\":");
            if (v instanceof Number) {
                json.append(v);
            } else {
                json.append('"').append(escape(String.valueOf(v))).append('"');
            }
        });
        return json.append('}').toString();
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
