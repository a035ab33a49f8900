package cn.finance.disclosure.gateway;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;

import java.net.InetSocketAddress;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * The public read of a released version the gateway already holds, answered on the connection itself.
 *
 * <p>A released version never changes, so once {@link ImmutableResponseCache} holds it there is nothing left to decide
 * for a plain {@code GET} of it: no token (public paths are anonymous), no route, no service. Profiling showed that
 * passing such a read through Spring (the exchange, Spring Security's chain with an observation around each filter,
 * Reactor's context propagation through every operator, the route lookup, the gateway's global filters) cost about
 * 0.3 ms of CPU per answer — twenty times what writing the bytes costs. This handler sits in Netty's pipeline right
 * after the HTTP codec and {@link ConnectionGuard}, and answers a cache hit there with the stored bytes (one shared,
 * read-only direct buffer: no copy per answer) and the same headers Spring's path gives: the service's own headers,
 * the edge's security headers, a correlation id, 304 on a matching If-None-Match.
 *
 * <p>Everything else goes on to Spring untouched: a miss (which fills the cache there), other methods, a query string,
 * a request with a body, and anything while the connection still waits for an answer from Spring (HTTP/1.1
 * pipelining keeps answers in request order). The anonymous rate limit applies here as on Spring's path: a client over
 * its limit goes on to Spring, which refuses it with the usual problem+json; with the limit shared through Redis
 * (several gateway nodes) the decision needs Redis, so every public read takes Spring's path.
 */
final class CachedReadFastPath extends ChannelDuplexHandler {

    static final String NAME = "finance.cachedReadFastPath";
    private static final Pattern SAFE_CORRELATION_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** What Spring Security's default header writers add to a public answer that does not set them itself. */
    private static final HttpHeaders EDGE_HEADERS = new DefaultHttpHeaders()
            .set("X-Content-Type-Options", "nosniff")
            .set("X-Frame-Options", "DENY")
            .set("X-XSS-Protection", "0")
            .set("Referrer-Policy", "no-referrer");

    private final ImmutableResponseCache cache;
    private final PublicRateLimitFilter rateLimit;
    private final LongAdder answered;
    /** Requests of this connection passed on to Spring whose answer has not been written completely yet. */
    private int awaitingSpring;
    /** The rest (contents) of a request answered here, dropped until its last part. */
    private boolean swallowing;

    CachedReadFastPath(ImmutableResponseCache cache, PublicRateLimitFilter rateLimit, LongAdder answered) {
        this.cache = cache;
        this.rateLimit = rateLimit;
        this.answered = answered;
    }

    @Configuration(proxyBeanMethods = false)
    static class Installation {

        private final LongAdder answered = new LongAdder();

        @Bean
        NettyServerCustomizer cachedReadFastPath(ImmutableResponseCache cache, PublicRateLimitFilter rateLimit,
                                                 ObjectProvider<MeterRegistry> meters,
                                                 @Value("${finance.gateway.immutable-cache.fast-path:true}")
                                                 boolean enabled) {
            meters.ifAvailable(registry -> FunctionCounter.builder("finance.gateway.fast_path.answers", answered,
                            LongAdder::doubleValue)
                    .description("public reads of released versions answered from memory on the connection")
                    .register(registry));
            if (!enabled || !cache.enabled()) {
                return server -> server;
            }
            return server -> server.doOnChannelInit((observer, channel, address) -> {
                var pipeline = channel.pipeline();
                if (pipeline.get(NettyPipeline.HttpCodec) != null) {
                    // after the guard, whichever of the two customizers runs first: the guard refuses what is malformed
                    String after = pipeline.get(ConnectionGuard.NAME) != null ? ConnectionGuard.NAME : NettyPipeline.HttpCodec;
                    pipeline.addAfter(after, NAME, new CachedReadFastPath(cache, rateLimit, answered));
                }
            });
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (swallowing) {
            if (msg instanceof LastHttpContent) {
                swallowing = false;
            }
            ReferenceCountUtil.release(msg);
            return;
        }
        // only once reactor-netty's last exchange on the connection has ended: awaitingSpring counts down when its
        // last part has been written and reactor-netty's own listeners have run (they end the exchange and manage the
        // reads), not when it is queued. A hit answered between the two could lose the read it asked for to that
        // ending, leaving the next request unread on the socket (a stall of reactor-netty's own on such a connection
        // is ConnectionGuard's business)
        if (msg instanceof HttpRequest request && awaitingSpring == 0) {
            ImmutableResponseCache.Entry entry = hit(ctx, request);
            if (entry != null) {
                swallowing = !(msg instanceof LastHttpContent);
                ReferenceCountUtil.release(msg);
                answer(ctx, request, entry);
                return;
            }
        }
        if (msg instanceof HttpRequest) {
            awaitingSpring++;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof LastHttpContent && awaitingSpring > 0) {
            ChannelPromise written = promise.unvoid();
            // on the event loop, once the last part is written and reactor-netty's listeners have ended its exchange
            written.addListener(done -> awaitingSpring--);
            ctx.write(msg, written);
            return;
        }
        ctx.write(msg, promise);
    }

    /** The stored answer when this request may be answered here, else null. */
    private ImmutableResponseCache.Entry hit(ChannelHandlerContext ctx, HttpRequest request) {
        if (!HttpMethod.GET.equals(request.method()) || !request.decoderResult().isSuccess()
                || HttpUtil.isTransferEncodingChunked(request) || HttpUtil.getContentLength(request, 0L) != 0L) {
            return null;
        }
        String uri = request.uri();
        if (uri.indexOf('?') >= 0 || !ImmutableResponseCache.CACHEABLE.matcher(uri).matches()) {
            return null;
        }
        ImmutableResponseCache.Entry entry = cache.lookup(uri);
        if (entry == null || !allowed(ctx, request)) {
            return null;
        }
        return entry;
    }

    private boolean allowed(ChannelHandlerContext ctx, HttpRequest request) {
        if (!rateLimit.enabled()) {
            return true;
        }
        if (rateLimit.shared()) {
            return false; // Redis decides, on Spring's path
        }
        String peer = ctx.channel().remoteAddress() instanceof InetSocketAddress remote && remote.getAddress() != null
                ? remote.getAddress().getHostAddress() : "unknown";
        return rateLimit.tryTakeLocally(rateLimit.client(peer,
                request.headers().get(PublicRateLimitFilter.CLIENT_HEADER)));
    }

    private void answer(ChannelHandlerContext ctx, HttpRequest request, ImmutableResponseCache.Entry entry) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        FullHttpResponse response;
        String ifNoneMatch = request.headers().get(HttpHeaderNames.IF_NONE_MATCH);
        if (ImmutableResponseCache.matches(ifNoneMatch, entry.etag())) {
            response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_MODIFIED,
                    io.netty.buffer.Unpooled.EMPTY_BUFFER, new DefaultHttpHeaders(), EmptyHttpHeaders.INSTANCE);
            response.headers().set(HttpHeaderNames.ETAG, entry.etag());
            if (entry.cacheControl() != null) {
                response.headers().set(HttpHeaderNames.CACHE_CONTROL, entry.cacheControl());
            }
        } else {
            response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    entry.direct().duplicate(), new DefaultHttpHeaders(), EmptyHttpHeaders.INSTANCE);
            response.headers().add(entry.nettyHeaders());
        }
        HttpHeaders headers = response.headers();
        EDGE_HEADERS.forEach(h -> {
            if (!headers.contains(h.getKey())) {
                headers.set(h.getKey(), h.getValue());
            }
        });
        headers.set(CorrelationIdFilter.HEADER, correlationId(request.headers().get(CorrelationIdFilter.HEADER)));
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        if (!keepAlive) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        answered.increment();
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        } else {
            // reactor-netty reads the next request only once it has answered one: this one it never saw
            ctx.read();
        }
    }

    /** The caller's correlation id when it is safe to echo, else a new random (version 4) UUID. */
    static String correlationId(String offered) {
        if (offered != null && SAFE_CORRELATION_ID.matcher(offered).matches()) {
            return offered;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new java.util.UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
    }
}
