package cn.finance.disclosure.portal.upstream;

import cn.finance.disclosure.portal.PortalProperties;
import cn.finance.disclosure.portal.verify.FeedEntry;
import cn.finance.disclosure.portal.verify.Verification;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The platform's public read API, and nothing else: the release feed, a version's JSON, and whether a representation
 * exists. Every failure to get an answer (refused, timed out, a 5xx or 429) is {@link Unreachable}.
 */
@Component
public class PublicApi {

    /** Paths a feed entry may send us to: the public API's version addresses only, never another host. */
    private static final Pattern VERSION_LINK = Pattern.compile("/public/v1/publications/[0-9]{6,12}/[0-9]{4}/versions/[0-9]{1,9}");

    private final PortalProperties properties;
    private final HttpClient http;

    public PublicApi(PortalProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The platform could not be asked, or did not answer usefully: the portal keeps serving what it has. */
    public static final class Unreachable extends RuntimeException {
        public Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public record FeedPage(List<FeedEntry> entries, boolean hasMore) {
    }

    public FeedPage releases(long after, int limit) {
        byte[] body = get("/public/v1/releases?after=" + after + "&limit=" + limit);
        JsonNode page;
        try {
            page = Verification.STRICT.readTree(body);
        } catch (RuntimeException e) {
            throw new Unreachable("the release feed answered something that is not JSON", e);
        }
        List<FeedEntry> entries = new ArrayList<>();
        page.path("entries").values().forEach(e -> entries.add(new FeedEntry(e)));
        return new FeedPage(entries, page.path("hasMore").asBoolean(false));
    }

    /** A version's JSON exactly as received (the bytes are what gets verified and kept). */
    public byte[] version(String link) {
        requireVersionLink(link);
        return get(link);
    }

    /** Whether the platform serves this representation of a version (e.g. {@code .xlsx}), asked with HEAD. */
    public boolean offers(String link, String suffix) {
        requireVersionLink(link);
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.upstreamUrl() + link + suffix))
                .timeout(properties.timeout()).method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            throw new Unreachable("HEAD " + link + suffix + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted", e);
        }
    }

    private static void requireVersionLink(String link) {
        if (link == null || !VERSION_LINK.matcher(link).matches()) {
            throw new IllegalArgumentException("not a public version address: " + link);
        }
    }

    private byte[] get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.upstreamUrl() + path))
                .timeout(properties.timeout()).header("Accept", "application/json").GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Unreachable("GET " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new Unreachable("GET " + path + " answered " + response.statusCode(), null);
        }
        return response.body();
    }
}
