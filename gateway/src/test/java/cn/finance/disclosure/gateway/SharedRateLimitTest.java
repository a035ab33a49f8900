package cn.finance.disclosure.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway nodes sharing one Redis (a real redis-server): one client's requests spread over both nodes meet one
 * bucket, so they are limited as on one node; a load balancer trusted by the nodes names the client, anyone else
 * cannot. The limit refills at 1 request per second, so a few extra requests may pass on a slow machine: far fewer
 * than the second full burst that two separate in-memory limits would let through.
 */
class SharedRateLimitTest {

    static final int BURST = 10;
    /** refills during the test (1 per second, on a slow machine): still far below the two nodes' own 2 x BURST */
    static final int SLACK = 4;
    static final int PORT = freePort();
    static final Process REDIS = startRedis();

    @AfterAll
    static void stopRedis() {
        REDIS.destroy();
    }

    static GatewayProperties.RateLimit limit(String redisUrl) {
        return new GatewayProperties.RateLimit(true, 1, BURST, 1000, redisUrl, List.of("127.0.0.1"));
    }

    static PublicRateLimitFilter node(String redisUrl) {
        GatewayProperties properties = new GatewayProperties("http://127.0.0.1:1/realms/finance", null, "finance-api",
                Duration.ofSeconds(5), limit(redisUrl));
        return new PublicRateLimitFilter(properties,
                new DefaultListableBeanFactory().getBeanProvider(ConfigurationService.class));
    }

    /** Requests from {@code client} alternately through the nodes; returns how many were let through. */
    static int passed(List<PublicRateLimitFilter> nodes, String peer, String reported, int requests) {
        AtomicInteger through = new AtomicInteger();
        int tooMany = 0;
        for (int i = 0; i < requests; i++) {
            MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/public/v1/publications")
                    .remoteAddress(new InetSocketAddress(peer, 40000 + i));
            if (reported != null) {
                request.header(PublicRateLimitFilter.CLIENT_HEADER, reported);
            }
            MockServerWebExchange exchange = MockServerWebExchange.from(request);
            nodes.get(i % nodes.size()).filter(exchange, e -> {
                through.incrementAndGet();
                return Mono.empty();
            }).block(Duration.ofSeconds(10));
            if (exchange.getResponse().getStatusCode() == HttpStatus.TOO_MANY_REQUESTS) {
                tooMany++;
            }
        }
        assertThat(through.get() + tooMany).isEqualTo(requests);
        return through.get();
    }

    @Test
    void givenTwoNodesOnOneRedis_thenAClientSpreadingItsRequestsIsLimitedAsOnOneNode() {
        String redis = "redis://127.0.0.1:" + PORT;
        PublicRateLimitFilter a = node(redis);
        PublicRateLimitFilter b = node(redis);
        try {
            int through = passed(List.of(a, b), "198.51.100.7", null, 3 * BURST);
            assertThat(through).as("requests let through of %d over two nodes", 3 * BURST)
                    .isBetween(BURST, BURST + SLACK);
        } finally {
            a.destroy();
            b.destroy();
        }
    }

    @Test
    void givenTheLoadBalancerNamesClients_thenEachClientHasItsOwnBucket_andOthersCannotNameOne() {
        String redis = "redis://127.0.0.1:" + PORT;
        PublicRateLimitFilter a = node(redis);
        PublicRateLimitFilter b = node(redis);
        try {
            // through the trusted load balancer (peer 127.0.0.1), two clients: each its full burst
            assertThat(passed(List.of(a, b), "127.0.0.1", "203.0.113.10", BURST)).isEqualTo(BURST);
            assertThat(passed(List.of(a, b), "127.0.0.1", "203.0.113.11", BURST)).isEqualTo(BURST);
            // an untrusted peer writing the header is limited by its own address, whatever it claims
            int forged = 0;
            for (int i = 0; i < 2 * BURST; i++) {
                forged += passed(List.of(a, b), "198.51.100.99", "203.0.113." + (100 + i), 1);
            }
            assertThat(forged).isBetween(BURST, BURST + SLACK);
        } finally {
            a.destroy();
            b.destroy();
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Process startRedis() {
        try {
            Path dir = Files.createTempDirectory("redis-test");
            Process p = new ProcessBuilder("redis-server", "--port", String.valueOf(PORT), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", dir.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
            Instant deadline = Instant.now().plusSeconds(60);
            while (Instant.now().isBefore(deadline)) {
                try (Socket ignored = new Socket("127.0.0.1", PORT)) {
                    return p;
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            throw new IllegalStateException("redis-server did not start (Debian package redis-server)");
        } catch (IOException e) {
            throw new UncheckedIOException("redis-server is needed (Debian package redis-server)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
