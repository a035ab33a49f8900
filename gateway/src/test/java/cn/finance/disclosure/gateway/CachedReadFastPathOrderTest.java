package cn.finance.disclosure.gateway;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast path answers a cached read only once the answer Spring owes on the connection has been written, not when
 * it has merely been queued: until its write is done, reactor-netty's own ending of that exchange (which manages the
 * connection's reads) has not run, and an answer given in between could lose the read it asks for. Here the
 * connection is a Netty embedded channel, whose writes are done only when flushed.
 */
class CachedReadFastPathOrderTest {

    static final String CACHED = "/public/v1/publications/405001/2024/versions/1";

    @Test
    void aCachedReadWaitsUntilSpringsAnswerIsWrittenNotJustQueued() {
        LongAdder answered = new LongAdder();
        EmbeddedChannel channel = new EmbeddedChannel(new CachedReadFastPath(cache(), rateLimitOff(), answered));

        // a read Spring answers (a mutable resource); its answer queued, not yet written
        channel.writeInbound(get("/public/v1/publications/405001/2024"));
        assertThat((Object) channel.readInbound()).isInstanceOf(HttpRequest.class);
        channel.write(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));

        // a cached version meanwhile: passed on to Spring, not answered here
        channel.writeInbound(get(CACHED));
        assertThat((Object) channel.readInbound()).as("passed on to Spring").isInstanceOf(HttpRequest.class);
        assertThat(answered.sum()).isZero();

        // both of Spring's answers written: the next cached read is answered here
        channel.flush();
        channel.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        channel.writeInbound(get(CACHED));
        assertThat((Object) channel.readInbound()).as("nothing passed on").isNull();
        assertThat(answered.sum()).isEqualTo(1);
        FullHttpResponse first = channel.readOutbound();
        FullHttpResponse second = channel.readOutbound();
        FullHttpResponse third = channel.readOutbound();
        assertThat(third.content().toString(StandardCharsets.UTF_8)).isEqualTo("{\"版本\":1}");
        first.release();
        second.release();
        third.release();
        channel.finishAndReleaseAll();
    }

    private static DefaultFullHttpRequest get(String uri) {
        return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri);
    }

    private static ImmutableResponseCache cache() {
        ImmutableResponseCache cache = new ImmutableResponseCache(true, DataSize.ofMegabytes(1), 10);
        HttpHeaders headers = new HttpHeaders();
        headers.setETag("\"v1\"");
        headers.setCacheControl("public, max-age=31536000, immutable");
        headers.setContentType(MediaType.APPLICATION_JSON);
        cache.put(CACHED, ImmutableResponseCache.Entry.of(headers, "{\"版本\":1}".getBytes(StandardCharsets.UTF_8)));
        return cache;
    }

    private static PublicRateLimitFilter rateLimitOff() {
        return new PublicRateLimitFilter(new GatewayProperties("http://127.0.0.1:1/realms/finance", null, "finance-api",
                Duration.ofSeconds(5), new GatewayProperties.RateLimit(false, 50, 100, 1000, null, List.of())),
                new DefaultListableBeanFactory().getBeanProvider(ConfigurationService.class));
    }
}
