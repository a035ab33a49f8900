package cn.finance.disclosure.gateway;

import io.lettuce.core.RedisURI;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.core.Ordered;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.RedisPassword;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Anonymous {@code /public/**} reads get a token bucket per client address. With one gateway node the buckets are in
 * this node's memory. With several behind a load balancer ({@code redis-url} set) they are in Redis, through Spring
 * Cloud Gateway's {@link RedisRateLimiter} (its token-bucket script, one atomic step per request), so a client spreading
 * its requests over the nodes gets the same limit as on one node. The address is the TCP peer: X-Forwarded-For is not
 * trusted, since anyone can write it; only a peer listed in {@code trusted-proxies} (the load balancer) may name the
 * client, in X-Real-IP, which the load balancer overwrites.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PublicRateLimitFilter implements WebFilter, DisposableBean {

    /** The key space of the anonymous public limit in Redis (RedisRateLimiter keys are per "route" and client). */
    static final String SHARED_LIMIT = "public-anonymous";
    static final String CLIENT_HEADER = "X-Real-IP";
    /** An IPv4 or IPv6 address as nginx writes $remote_addr; anything else is ignored. */
    private static final Pattern REPORTED_ADDRESS = Pattern.compile("[0-9a-fA-F.:]{2,45}");

    private final GatewayProperties.RateLimit limit;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LettuceConnectionFactory redis;
    private final RedisRateLimiter shared;

    PublicRateLimitFilter(GatewayProperties properties, ObjectProvider<ConfigurationService> configurationService) {
        this.limit = properties.publicRateLimit();
        if (limit.enabled() && limit.shared()) {
            RedisURI uri = RedisURI.create(limit.redisUrl());
            RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(uri.getHost(), uri.getPort());
            server.setDatabase(uri.getDatabase());
            if (uri.getPassword() != null) {
                server.setPassword(RedisPassword.of(uri.getPassword()));
            }
            this.redis = new LettuceConnectionFactory(server);
            redis.afterPropertiesSet();
            redis.start();
            @SuppressWarnings({"unchecked", "rawtypes"})
            RedisScript<List<Long>> script = (RedisScript) RedisScript.of(
                    new ClassPathResource("META-INF/scripts/request_rate_limiter.lua"), List.class);
            this.shared = new RedisRateLimiter(new ReactiveStringRedisTemplate(redis), script,
                    configurationService.getIfAvailable());
            shared.setIncludeHeaders(false);
            shared.getConfig().put(SHARED_LIMIT, new RedisRateLimiter.Config()
                    .setReplenishRate(limit.requestsPerSecond()).setBurstCapacity(limit.burst()));
        } else {
            this.redis = null;
            this.shared = null;
        }
    }

    @Override
    public void destroy() {
        if (redis != null) {
            redis.destroy();
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!limit.enabled() || !exchange.getRequest().getPath().value().startsWith("/public/")) {
            return chain.filter(exchange);
        }
        String client = client(exchange);
        if (shared != null) {
            return shared.isAllowed(SHARED_LIMIT, client)
                    .flatMap(response -> response.isAllowed() ? chain.filter(exchange) : tooMany(exchange));
        }
        if (tryTakeLocally(client)) {
            return chain.filter(exchange);
        }
        return tooMany(exchange);
    }

    /** The TCP peer, or the address a trusted load balancer reports for its own client. */
    String client(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        String peer = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
        return client(peer, exchange.getRequest().getHeaders().getFirst(CLIENT_HEADER));
    }

    /** The client a request counts against: {@code peer}, or what a trusted load balancer reports in X-Real-IP. */
    String client(String peer, String reported) {
        if (limit.trustedProxies().contains(peer) && reported != null && REPORTED_ADDRESS.matcher(reported).matches()) {
            return reported;
        }
        return peer;
    }

    boolean enabled() {
        return limit.enabled();
    }

    /** Whether the buckets are in Redis (several gateway nodes), so a decision needs a round trip. */
    boolean shared() {
        return shared != null;
    }

    /** Takes a token from the client's bucket in this node's memory; false when the client is over its limit. */
    boolean tryTakeLocally(String client) {
        if (buckets.size() > limit.maxTrackedClients()) {
            long now = System.nanoTime();
            buckets.values().removeIf(b -> b.isIdle(now, limit));
        }
        return buckets.computeIfAbsent(client, c -> new Bucket(limit.burst())).tryTake(System.nanoTime(), limit);
    }

    private static Mono<Void> tooMany(ServerWebExchange exchange) {
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
