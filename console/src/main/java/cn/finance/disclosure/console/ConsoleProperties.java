package cn.finance.disclosure.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the console finds Keycloak and the gateway.
 *
 * @param issuer             the realm's issuer as browsers reach it and as tokens carry it
 * @param backchannelIssuer  the same realm as the console reaches it server-to-server (differs under compose, where
 *                           "localhost" inside a container is not Keycloak); defaults to {@code issuer}
 * @param clientId           the confidential login client (authorization code + PKCE)
 * @param clientSecret       its secret
 * @param userAdminClientId  the service-account client that may only manage users of this realm
 * @param userAdminSecret    its secret
 * @param gatewayUrl         the gateway's base URL
 * @param publicUrl          the gateway's base URL as browsers reach it (links to public versions)
 */
@ConfigurationProperties("console")
public record ConsoleProperties(String issuer, String backchannelIssuer, String clientId, String clientSecret,
                                String userAdminClientId, String userAdminSecret, String gatewayUrl,
                                String publicUrl) {

    public ConsoleProperties {
        backchannelIssuer = backchannelIssuer == null || backchannelIssuer.isBlank() ? issuer : backchannelIssuer;
        publicUrl = publicUrl == null || publicUrl.isBlank() ? gatewayUrl : publicUrl;
    }

    /** The realm's admin REST base as the console reaches it: {server}/admin/realms/{realm}. */
    public String adminBase() {
        int at = backchannelIssuer.indexOf("/realms/");
        return backchannelIssuer.substring(0, at) + "/admin" + backchannelIssuer.substring(at);
    }

    /** Scheme, host and port of the issuer: the only other origin forms may lead to (logout). */
    public String issuerOrigin() {
        java.net.URI uri = java.net.URI.create(issuer);
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
