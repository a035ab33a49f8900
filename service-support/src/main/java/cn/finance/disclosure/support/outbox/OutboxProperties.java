package cn.finance.disclosure.support.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Which collections hold outboxes, whether this process relays them (a test can switch the relay off), and how a
 * message the broker refuses is retried before it is marked failed. With several replicas, each relay claims a
 * document before publishing its outbox ({@code claimLease}: how long a dead replica's claim blocks others;
 * {@code relayOwner}: the claim's owner name, by default application, host and port, stable across restarts).
 */
@ConfigurationProperties("finance.outbox")
public record OutboxProperties(
        List<String> collections,
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("1m") Duration maxRetryBackoff,
        @DefaultValue("60s") Duration claimLease,
        String relayOwner) {
}
