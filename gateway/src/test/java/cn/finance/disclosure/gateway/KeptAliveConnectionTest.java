package cn.finance.disclosure.gateway;

import cn.finance.disclosure.testing.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.finance.disclosure.gateway.ImmutableResponseCacheTest.STUB;
import static cn.finance.disclosure.gateway.ImmutableResponseCacheTest.awaitHits;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kept-alive connection is read to its next request however its requests interleave with the ends of the exchanges
 * before them. The pattern that stopped reactor-netty 1.3.6 reading a connection for good: a proxied answer the client
 * has whole (by its length) before the gateway has written its empty last part, so the client's next request is
 * queued; that queued request answered at once (a released version from the cache, on Spring's path here); then the
 * next request. It stalled about one connection in sixteen, so the test runs it on many connections.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "finance.gateway.public-rate-limit.enabled=false", "logging.structured.format.console=",
        "finance.gateway.immutable-cache.fast-path=false",
        "spring.cloud.gateway.server.webflux.httpclient.pool.type=disabled"})
class KeptAliveConnectionTest {

    static final int CONNECTIONS = 200;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("PUBLICATION_SERVICE_URI", () -> "http://127.0.0.1:" + STUB.getAddress().getPort());
    }

    @LocalServerPort
    int port;

    @Test
    void everyRequestOnAKeptAliveConnectionIsAnsweredAfterAQueuedOneWasAnsweredAtOnce() throws IOException {
        String cached = "/public/v1/publications/405002/2024/versions/8";
        new Http("http://127.0.0.1:" + port).get(cached, null);
        awaitHits(cached, 2);
        String proxied = "/public/v1/publications/405002/2024"; // mutable: always the service, through the proxy
        List<String> stalled = new ArrayList<>();
        for (int connection = 0; connection < CONNECTIONS; connection++) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(2_000); // a connection nobody reads any more fails here
                InputStream in = socket.getInputStream();
                String[] paths = {proxied, cached, cached};
                for (int i = 0; i < paths.length; i++) {
                    socket.getOutputStream().write(("GET " + paths[i] + " HTTP/1.1\r\nHost: x\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    String head;
                    try {
                        head = CachedReadFastPathTest.readHead(in);
                    } catch (SocketTimeoutException e) {
                        stalled.add("connection " + connection + ", request " + i);
                        break;
                    }
                    assertThat(head).as("connection %d, answer %d", connection, i).startsWith("HTTP/1.1 200");
                    Matcher length = Pattern.compile("(?i)content-length: ([0-9]+)").matcher(head);
                    assertThat(length.find()).as("connection %d, answer %d has a length", connection, i).isTrue();
                    int bytes = Integer.parseInt(length.group(1));
                    assertThat(in.readNBytes(bytes)).hasSize(bytes);
                }
            }
        }
        assertThat(stalled).as("requests never read on their kept-alive connection").isEmpty();
    }
}
