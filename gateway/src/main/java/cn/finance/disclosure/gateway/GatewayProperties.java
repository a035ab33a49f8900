package cn.finance.disclosure.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Token checks (as in every service) and the in-memory rate limit for anonymous public reads: a token bucket per
 * client address, {@code requestsPerSecond} refill and {@code burst} capacity; kept in Redis when {@code redisUrl} is
 * set (several gateway nodes), and keyed by the address a trusted proxy (the load balancer in front of the nodes)
 * reports in X-Real-IP when the TCP peer is one of {@code trustedProxies}.
 */
@ConfigurationProperties("finance.gateway")
public record GatewayProperties(
        @DefaultValue("http://127.0.0.1:8180/realms/finance") String issuerUri,
        String jwkSetUri,
        @DefaultValue("finance-api") String audience,
        @DefaultValue("5s") Duration clockSkew,
        @DefaultValue RateLimit publicRateLimit) {

    public record RateLimit(@DefaultValue("true") boolean enabled,
                            @DefaultValue("50") int requestsPerSecond,
                            @DefaultValue("100") int burst,
                            @DefaultValue("100000") int maxTrackedClients,
                            String redisUrl,
                            @DefaultValue List<String> trustedProxies) {

        /** With a Redis URL the buckets live in Redis, shared by every gateway node; otherwise in this node. */
        public boolean shared() {
            return redisUrl != null && !redisUrl.isBlank();
        }
    }

    public String effectiveJwkSetUri() {
        return jwkSetUri == null || jwkSetUri.isBlank() ? issuerUri + "/protocol/openid-connect/certs" : jwkSetUri;
    }
}
