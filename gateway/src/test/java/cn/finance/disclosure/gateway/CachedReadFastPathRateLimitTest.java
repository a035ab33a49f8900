package cn.finance.disclosure.gateway;

import cn.finance.disclosure.testing.Http;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static cn.finance.disclosure.gateway.ImmutableResponseCacheTest.STUB;
import static cn.finance.disclosure.gateway.ImmutableResponseCacheTest.awaitHits;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The anonymous rate limit holds for reads answered from memory on the connection as for every other public read:
 * past the burst a client is refused with the usual problem+json.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "finance.gateway.public-rate-limit.enabled=true", "finance.gateway.public-rate-limit.requests-per-second=1",
        "finance.gateway.public-rate-limit.burst=5", "logging.structured.format.console=",
        "spring.cloud.gateway.server.webflux.httpclient.pool.type=disabled"})
class CachedReadFastPathRateLimitTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("PUBLICATION_SERVICE_URI", () -> "http://127.0.0.1:" + STUB.getAddress().getPort());
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void aClientOverItsLimitIsRefusedEvenForACachedVersion() {
        Http http = new Http("http://127.0.0.1:" + port);
        String path = "/public/v1/publications/405003/2024/versions/1";
        assertThat(http.get(path, null).status()).isEqualTo(200); // through Spring, fills the cache
        awaitHits(path, 2);
        int ok = 0;
        int refused = 0;
        for (int i = 0; i < 20; i++) {
            Http.Response r = http.get(path, null);
            if (r.status() == 200) {
                ok++;
            } else {
                assertThat(r.status()).isEqualTo(429);
                assertThat(r.header("Content-Type")).startsWith("application/problem+json");
                refused++;
            }
        }
        double fast = meters.get("finance.gateway.fast_path.answers").functionCounter().count();
        assertThat(fast).as("cached reads within the limit were answered on the connection").isPositive();
        // burst 5, one taken by the first read, 1 per second refilled while the loop runs
        assertThat(ok).isLessThanOrEqualTo(4 + 3);
        assertThat(refused).isGreaterThanOrEqualTo(13);
    }
}
