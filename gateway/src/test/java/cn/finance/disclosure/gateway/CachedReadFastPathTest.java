package cn.finance.disclosure.gateway;

import cn.finance.disclosure.testing.Http;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.finance.disclosure.gateway.ImmutableResponseCacheTest.HITS;
import static cn.finance.disclosure.gateway.ImmutableResponseCacheTest.STUB;
import static cn.finance.disclosure.gateway.ImmutableResponseCacheTest.awaitHits;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read of a released version the gateway holds is answered on the connection, below Spring, with what Spring's
 * path would have answered; everything that needs Spring still gets it, in order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "finance.gateway.public-rate-limit.enabled=false", "logging.structured.format.console=",
        "spring.cloud.gateway.server.webflux.httpclient.pool.type=disabled"})
class CachedReadFastPathTest {

    /** Headers that belong to one exchange: they differ between any two answers. */
    static final Set<String> PER_EXCHANGE = Set.of("date", "x-correlation-id", "set-cookie", "transfer-encoding",
            "connection");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("PUBLICATION_SERVICE_URI", () -> "http://127.0.0.1:" + STUB.getAddress().getPort());
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    Http http() {
        return new Http("http://127.0.0.1:" + port);
    }

    double fastAnswers() {
        return meters.get("finance.gateway.fast_path.answers").functionCounter().count();
    }

    /** Fills the cache with {@code path} (first read through Spring to the service) and returns that first answer. */
    Http.Response filled(String path) {
        Http.Response first = http().get(path, null);
        awaitHits(path, 2);
        return first;
    }

    @Test
    void aCachedVersionIsAnsweredBelowSpringWithTheBytesAndHeadersOfSpringsPath() {
        String path = "/public/v1/publications/405002/2024/versions/1";
        Http.Response first = filled(path);
        double before = fastAnswers();

        Http.Response cached = http().get(path, null);

        assertThat(fastAnswers()).as("answered on the connection").isEqualTo(before + 1);
        assertThat(HITS.get(path).get()).as("the service is not asked again").isEqualTo(2);
        assertThat(cached.status()).isEqualTo(200);
        assertThat(cached.body()).isEqualTo(first.body());
        assertThat(headers(cached)).isEqualTo(headers(first));
        assertThat(cached.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(cached.header("Set-Cookie")).isNull();
        assertThat(cached.header("X-Correlation-Id")).matches("[0-9a-f-]{36}");
        assertThat(http().get(path, null, "X-Correlation-Id", "abc-123").header("X-Correlation-Id"))
                .isEqualTo("abc-123");
        assertThat(http().get(path, null, "X-Correlation-Id", "<script>").header("X-Correlation-Id"))
                .matches("[0-9a-f-]{36}");

        Http.Response revalidated = http().get(path, null, "If-None-Match", first.header("ETag"));
        assertThat(revalidated.status()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
        assertThat(revalidated.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(revalidated.header("Cache-Control")).contains("immutable");
        assertThat(fastAnswers()).isEqualTo(before + 4);
    }

    @Test
    void onlyPlainGetsOfCachedVersionsAreAnsweredHere() {
        String path = "/public/v1/publications/405002/2024/versions/2";
        filled(path);
        double before = fastAnswers();
        http().get(path + "?x=1", null);
        http().send("POST", path, null, "{}");
        http().get("/public/v1/publications/405002/2024/versions/3", null); // not cached yet
        assertThat(fastAnswers()).isEqualTo(before);
    }

    @Test
    void aCachedReadNeverOvertakesAnAnswerSpringStillOwesOnTheConnection() throws IOException {
        String cached = "/public/v1/publications/405002/2024/versions/4";
        filled(cached);
        String uncached = "/public/v1/publications/405002/2024"; // mutable: always Spring and the service
        try (Socket socket = new Socket("127.0.0.1", port)) {
            String requests = "GET " + uncached + " HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET " + cached + " HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET " + cached + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(requests.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answers = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
            List<String> bodies = Pattern.compile("\\{\"版本\":\"([^\"]+)\"}").matcher(answers).results()
                    .map(m -> m.group(1)).toList();
            // what Spring makes of the pipelined rest is Spring's business (here it answers the first request only);
            // a read this handler could answer at once must not overtake the answer Spring still owes
            assertThat(bodies).isNotEmpty();
            assertThat(bodies.getFirst()).isEqualTo(uncached);
        }
    }

    @Test
    void anHttp10ReadIsDelimitedByItsLengthAndTheConnectionClosed() throws IOException {
        String cached = "/public/v1/publications/405002/2024/versions/5";
        filled(cached);
        double before = fastAnswers();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + cached + " HTTP/1.0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 200");
            Matcher length = Pattern.compile("(?i)content-length: ([0-9]+)").matcher(answer);
            assertThat(length.find()).isTrue();
            String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(Integer.parseInt(length.group(1)));
            assertThat(answer.toLowerCase(Locale.ROOT)).contains("connection: close").doesNotContain("chunked");
        }
        assertThat(fastAnswers()).isEqualTo(before + 1);
    }

    @Test
    void aKeptAliveConnectionGoesOnAfterReadsAnsweredHere() throws IOException {
        String cached = "/public/v1/publications/405002/2024/versions/6";
        filled(cached);
        double before = fastAnswers();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000); // a connection left waiting for its next read fails here
            InputStream in = socket.getInputStream();
            for (int i = 0; i < 5; i++) {
                socket.getOutputStream().write(("GET " + (i == 2 ? "/public/v1/publications/405002/2024" : cached)
                        + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                String head = readHead(in);
                assertThat(head).as("answer %d", i).startsWith("HTTP/1.1 200");
                Matcher length = Pattern.compile("(?i)content-length: ([0-9]+)").matcher(head);
                assertThat(length.find()).as("answer %d has a length", i).isTrue();
                assertThat(in.readNBytes(Integer.parseInt(length.group(1)))).hasSize(Integer.parseInt(length.group(1)));
            }
        }
        assertThat(fastAnswers()).isEqualTo(before + 4);
    }

    @Test
    void aWriteWithABodyAfterReadsAnsweredHereIsAnsweredBySpring() throws IOException {
        String cached = "/public/v1/publications/405002/2024/versions/7";
        filled(cached);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000); // a connection left waiting for its next request fails here
            InputStream in = socket.getInputStream();
            for (int i = 0; i < 6; i++) {
                boolean write = i % 2 == 1;
                String body = "{\"code\":\"42000" + i + "\"}";
                String request = write
                        ? "POST /api/v1/departments HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body
                        : "GET " + cached + " HTTP/1.1\r\nHost: x\r\n\r\n";
                socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
                String head = readHead(in);
                // without a token Spring's path refuses the write; what matters is that it is answered at all
                assertThat(head).as("answer %d", i).startsWith(write ? "HTTP/1.1 401" : "HTTP/1.1 200");
                Matcher length = Pattern.compile("(?i)content-length: ([0-9]+)").matcher(head);
                if (length.find()) {
                    in.readNBytes(Integer.parseInt(length.group(1)));
                } else if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                    readChunked(in);
                }
            }
        }
    }

    /** Reads a chunked body to its end. */
    static void readChunked(InputStream in) throws IOException {
        while (true) {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("closed inside a chunked body");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            int size = Integer.parseInt(line.toString().split(";")[0].trim(), 16);
            in.readNBytes(size + 2);
            if (size == 0) {
                return;
            }
        }
    }

    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the end of the head: " + head);
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** Reads until the server closes the connection. */
    static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    static Map<String, List<String>> headers(Http.Response response) {
        Map<String, List<String>> kept = new TreeMap<>();
        response.headers().map().forEach((name, values) -> {
            String n = name.toLowerCase(Locale.ROOT);
            if (!PER_EXCHANGE.contains(n) && !n.equals(":status")) {
                kept.put(n, values);
            }
        });
        return kept;
    }
}
