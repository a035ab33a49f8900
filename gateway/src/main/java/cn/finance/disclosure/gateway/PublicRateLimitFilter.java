package cn.finance.disclosure.gateway;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Anonymous {@code /public/**} reads get a token bucket per client address, held in this node's memory. The address
 * is the TCP peer: X-Forwarded-For is not trusted, since anyone can write it. Several gateway nodes would need a
 * shared store (Spring Cloud Gateway's Redis rate limiter), see the README.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PublicRateLimitFilter implements WebFilter {

    private final GatewayProperties.RateLimit limit;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    PublicRateLimitFilter(GatewayProperties properties) {
        this.limit = properties.publicRateLimit();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!limit.enabled() || !exchange.getRequest().getPath().value().startsWith("/public/")) {
            return chain.filter(exchange);
        }
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        String client = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
        if (buckets.size() > limit.maxTrackedClients()) {
            long now = System.nanoTime();
            buckets.values().removeIf(b -> b.isIdle(now, limit));
        }
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(limit.burst()));
        if (bucket.tryTake(System.nanoTime(), limit)) {
            return chain.filter(exchange);
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        return ProblemWriter.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "请求过于频繁",
                "来自该地址的公开查询过于频繁，请稍后再试");
    }

    /** Refills continuously at requestsPerSecond up to burst. */
    static final class Bucket {
        private double tokens;
        private long last;

        Bucket(int burst) {
            this.tokens = burst;
            this.last = System.nanoTime();
        }

        synchronized boolean tryTake(long now, GatewayProperties.RateLimit limit) {
            refill(now, limit);
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }

        synchronized boolean isIdle(long now, GatewayProperties.RateLimit limit) {
            refill(now, limit);
            return tokens >= limit.burst();
        }

        private void refill(long now, GatewayProperties.RateLimit limit) {
            tokens = Math.min(limit.burst(), tokens + (now - last) / 1e9 * limit.requestsPerSecond());
            last = now;
        }
    }
}
