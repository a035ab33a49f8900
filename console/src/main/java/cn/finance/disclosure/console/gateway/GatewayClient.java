package cn.finance.disclosure.console.gateway;

import cn.finance.disclosure.console.ConsoleProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The console's only way to the staff API: every call goes to the gateway with the signed-in person's own access
 * token (refreshed when it has expired), so the services decide exactly as they would for that person. 4xx answers
 * come back as {@link ApiProblem}; the token never leaves the server.
 */
@Component
public class GatewayClient {

    private static final String REGISTRATION = "keycloak";

    private final RestClient rest;
    private final OAuth2AuthorizedClientManager clients;
    private final JsonMapper json;

    GatewayClient(ConsoleProperties properties, OAuth2AuthorizedClientManager clients, JsonMapper json) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(Duration.ofSeconds(30));
        this.rest = RestClient.builder().baseUrl(properties.gatewayUrl()).requestFactory(factory).build();
        this.clients = clients;
        this.json = json;
    }

    /** An answer of the gateway: status, body as JSON (null when empty) and the ETag, if any. */
    public record Answer(int status, JsonNode body, String etag) {
    }

    public Answer get(String path) {
        return exchange(HttpMethod.GET, path, null, null, null);
    }

    public Answer post(String path, Object body) {
        return exchange(HttpMethod.POST, path, body, null, null);
    }

    public Answer post(String path, Object body, String ifMatch) {
        return exchange(HttpMethod.POST, path, body, ifMatch, null);
    }

    public Answer put(String path, Object body, String ifMatch) {
        return exchange(HttpMethod.PUT, path, body, ifMatch, null);
    }

    public Answer delete(String path, String ifMatch) {
        return exchange(HttpMethod.DELETE, path, null, ifMatch, null);
    }

    /** A raw body (an uploaded file) with its content type, posted. */
    public Answer postRaw(String path, byte[] body, String contentType) {
        return exchange(HttpMethod.POST, path, body, null, contentType);
    }

    /** A file the API serves (e.g. an Excel template): its bytes and content type, or an {@link ApiProblem}. */
    public Download download(String path) {
        String token = accessToken();
        return rest.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange((request, response) -> {
                    byte[] bytes = response.getBody().readAllBytes();
                    if (response.getStatusCode().value() >= 400) {
                        throw new ApiProblem(response.getStatusCode().value(), bytes.length == 0 ? null : parse(bytes));
                    }
                    MediaType type = response.getHeaders().getContentType();
                    return new Download(bytes, type == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : type.toString());
                });
    }

    public record Download(byte[] bytes, String contentType) {
    }

    /** A raw body (an uploaded file) with its content type. */
    public Answer putRaw(String path, byte[] body, String contentType) {
        return exchange(HttpMethod.PUT, path, body, null, contentType);
    }

    private Answer exchange(HttpMethod method, String path, Object body, String ifMatch, String contentType) {
        String token = accessToken();
        RestClient.RequestBodySpec spec = rest.method(method).uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        if (ifMatch != null && !ifMatch.isBlank()) {
            spec = spec.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        if (body instanceof byte[] bytes) {
            spec = spec.contentType(MediaType.parseMediaType(contentType)).body(bytes);
        } else if (body != null) {
            spec = spec.contentType(MediaType.APPLICATION_JSON)
                    .body(json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
        } else if (method == HttpMethod.POST) {
            spec = spec.contentType(MediaType.APPLICATION_JSON);
        }
        return spec.exchange((request, response) -> {
            int status = response.getStatusCode().value();
            byte[] bytes = response.getBody().readAllBytes();
            JsonNode node = bytes.length == 0 ? null : parse(bytes);
            if (status >= 400) {
                throw new ApiProblem(status, node);
            }
            return new Answer(status, node, response.getHeaders().getETag());
        });
    }

    private JsonNode parse(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (RuntimeException e) {
            return json.createObjectNode().put("detail", new String(bytes, StandardCharsets.UTF_8));
        }
    }

    /** The person's current access token; refreshed through the refresh token when it has expired. */
    private String accessToken() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        ServletRequestAttributes attributes = (ServletRequestAttributes) RequestContextHolder.getRequestAttributes();
        if (authentication == null || attributes == null) {
            throw new LoginRequired();
        }
        HttpServletRequest request = attributes.getRequest();
        HttpServletResponse response = attributes.getResponse();
        OAuth2AuthorizeRequest authorize = OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION)
                .principal(authentication)
                .attribute(HttpServletRequest.class.getName(), request)
                .attribute(HttpServletResponse.class.getName(), response)
                .build();
        try {
            OAuth2AuthorizedClient client = clients.authorize(authorize);
            if (client == null) {
                throw new LoginRequired();
            }
            return client.getAccessToken().getTokenValue();
        } catch (OAuth2AuthorizationException e) {
            // the refresh token is gone too (Keycloak session ended): sign in again
            throw new LoginRequired();
        }
    }
}
