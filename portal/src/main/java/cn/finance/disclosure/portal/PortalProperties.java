package cn.finance.disclosure.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Where the platform is and how often to ask it.
 *
 * @param upstreamUrl  the platform's public API base (the gateway), as this process reaches it
 * @param publicUrl    the same base as a citizen's browser reaches it (download links); the upstream URL when unset
 * @param pollInterval how often the release feed is read
 * @param timeout      connect and read timeout of one request to the platform
 * @param pageSize     feed entries asked for per request
 */
@ConfigurationProperties("portal")
public record PortalProperties(
        @DefaultValue("http://127.0.0.1:8080") String upstreamUrl,
        String publicUrl,
        @DefaultValue("3s") Duration pollInterval,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("100") int pageSize) {

    public PortalProperties {
        upstreamUrl = stripSlash(upstreamUrl);
        publicUrl = publicUrl == null || publicUrl.isBlank() ? upstreamUrl : stripSlash(publicUrl);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
