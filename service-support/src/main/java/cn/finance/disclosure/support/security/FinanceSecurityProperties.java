package cn.finance.disclosure.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How this service checks bearer tokens: signature against the issuer's JWKS, issuer, expiry (with a small clock
 * skew) and audience. The JWKS URI is fetched lazily, so a service starts while Keycloak is still starting.
 */
@ConfigurationProperties("finance.security")
public record FinanceSecurityProperties(
        @DefaultValue("http://127.0.0.1:8180/realms/finance") String issuerUri,
        String jwkSetUri,
        @DefaultValue("finance-api") String audience,
        @DefaultValue("5s") Duration clockSkew) {

    public String effectiveJwkSetUri() {
        return jwkSetUri == null || jwkSetUri.isBlank()
                ? issuerUri + "/protocol/openid-connect/certs"
                : jwkSetUri;
    }
}
