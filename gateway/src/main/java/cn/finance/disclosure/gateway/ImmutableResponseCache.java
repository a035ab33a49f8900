package cn.finance.disclosure.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Released versions never change, so the gateway keeps their representations (JSON, .txt, .html, .xlsx, .pdf,
 * table CSV) in
 * memory once publication-service has answered them with {@code Cache-Control: ... immutable} and an ETag (fetched
 * beside the first read, which itself goes to the service untouched), and answers later reads itself: 200 with the same bytes and headers, or 304 when If-None-Match matches. Only those
 * paths, only GET without a query, only 200 answers that declare themselves immutable; bounded in entries and bytes,
 * the oldest stored first out. Every gateway node keeps its own copy: nothing to invalidate, since nothing changes.
 */
@Component
class ImmutableResponseCache implements GlobalFilter, Ordered {

    static final Pattern CACHEABLE = Pattern.compile(
            "/public/v1/publications/[0-9]{6,12}/[0-9]{4}/versions/[0-9]{1,9}(\\.txt|\\.html|\\.xlsx|\\.pdf|/tables/[a-z0-9-]{1,64}\\.csv)?");
    /**
     * Headers that belong to one exchange or one connection, never to the representation: everything else the service
     * sent (Content-Security-Policy, X-Content-Type-Options, Content-Disposition, ...) is served again as it was.
     */
    private static final Set<String> PER_EXCHANGE = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "te", "trailer", "upgrade", "content-length", "date", "set-cookie", "age",
            "x-correlation-id", "retry-after", "x-ratelimit-remaining", "x-ratelimit-limit",
            // the service's software is nobody's business; ranges are not served from the cache
            "server", "accept-ranges");

    /**
     * One stored answer: the headers and bytes as the service sent them, and the same prepared for
     * {@link CachedReadFastPath} — the bytes in one read-only direct buffer that every answer shares (never released:
     * it lives as long as the entry), the headers as Netty writes them.
     */
    record Entry(HttpHeaders headers, byte[] body, ByteBuf direct, io.netty.handler.codec.http.HttpHeaders nettyHeaders,
                 String etag, String cacheControl) {

        static Entry of(HttpHeaders headers, byte[] body) {
            // a JDK direct buffer, so an evicted entry's memory goes with the garbage collector (no release needed)
            ByteBuffer memory = ByteBuffer.allocateDirect(body.length).put(body).flip();
            ByteBuf direct = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(memory).asReadOnly());
            var netty = new DefaultHttpHeaders();
            headers.forEach((name, values) -> netty.add(name, values));
            return new Entry(headers, body, direct, netty, headers.getETag(), headers.getFirst(HttpHeaders.CACHE_CONTROL));
        }
    }

    private final long maxBytes;
    private final int maxEntries;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final WebClient fetcher = WebClient.builder()
            .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build();
    private final boolean enabled;
    private long bytes;
    /** Read on every public read of every event loop: lock-free; stores and evictions take {@link #order}'s lock. */
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    /** Paths in the order they were stored: the oldest goes first when a bound is reached. */
    private final ArrayDeque<String> order = new ArrayDeque<>();

    ImmutableResponseCache(@Value("${finance.gateway.immutable-cache.enabled:true}") boolean enabled,
                           @Value("${finance.gateway.immutable-cache.max-size:64MB}") DataSize maxSize,
                           @Value("${finance.gateway.immutable-cache.max-entries:10000}") int maxEntries) {
        this.enabled = enabled;
        this.maxBytes = maxSize.toBytes();
        this.maxEntries = maxEntries;
    }

    @Override
    public int getOrder() {
        return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1; // before the proxying filters
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        var request = exchange.getRequest();
        String path = request.getPath().value();
        if (!enabled || request.getMethod() != HttpMethod.GET || !request.getQueryParams().isEmpty()
                || !CACHEABLE.matcher(path).matches()) {
            return chain.filter(exchange);
        }
        Entry cached = lookup(path);
        if (cached != null) {
            return answer(exchange, cached);
        }
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route != null && pending.add(path)) {
            // this read goes to the service as usual; a copy is fetched beside it for the next readers
            URI target = UriComponentsBuilder.fromUri(route.getUri()).replacePath(path).build(true).toUri();
            fetcher.get().uri(target).retrieve().toEntity(byte[].class)
                    .doOnNext(entity -> {
                        if (entity.getBody() != null && isImmutable(entity.getStatusCode().value(), entity.getHeaders())) {
                            put(path, Entry.of(kept(entity.getHeaders()), entity.getBody()));
                        }
                    })
                    .doFinally(signal -> pending.remove(path))
                    .subscribe(entity -> { }, error -> { });
        }
        return chain.filter(exchange);
    }

    static boolean isImmutable(int status, HttpHeaders headers) {
        String cacheControl = headers.getFirst(HttpHeaders.CACHE_CONTROL);
        return status == 200 && headers.getETag() != null && cacheControl != null && cacheControl.contains("immutable");
    }

    private static HttpHeaders kept(HttpHeaders headers) {
        HttpHeaders kept = new HttpHeaders();
        headers.forEach((name, values) -> {
            if (!PER_EXCHANGE.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                kept.put(name, List.copyOf(values));
            }
        });
        return HttpHeaders.readOnlyHttpHeaders(kept);
    }

    private static Mono<Void> answer(ServerWebExchange exchange, Entry entry) {
        ServerHttpResponse response = exchange.getResponse();
        String etag = entry.headers().getETag();
        if (matches(exchange.getRequest().getHeaders().getFirst(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatusCode(HttpStatus.NOT_MODIFIED);
            response.getHeaders().setETag(etag);
            response.getHeaders().set(HttpHeaders.CACHE_CONTROL, entry.headers().getFirst(HttpHeaders.CACHE_CONTROL));
            return response.setComplete();
        }
        response.setStatusCode(HttpStatus.OK);
        entry.headers().forEach((name, values) -> response.getHeaders().put(name, values));
        response.getHeaders().setContentLength(entry.body().length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(entry.body())));
    }

    /** RFC 9110 weak comparison of If-None-Match against the stored strong ETag. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || etag == null) {
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

    /** The stored answer for a path, or null. */
    Entry lookup(String path) {
        return entries.get(path);
    }

    boolean enabled() {
        return enabled;
    }

    void put(String path, Entry entry) {
        if (entry.body().length > maxBytes / 8) {
            return;
        }
        synchronized (order) {
            if (entries.putIfAbsent(path, entry) != null) {
                return;
            }
            order.addLast(path);
            bytes += entry.body().length;
            while ((bytes > maxBytes || entries.size() > maxEntries) && !order.isEmpty()) {
                Entry evicted = entries.remove(order.removeFirst());
                bytes -= evicted.body().length;
            }
        }
    }

    int size() {
        return entries.size();
    }
}
