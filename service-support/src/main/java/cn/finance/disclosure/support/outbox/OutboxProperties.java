package cn.finance.disclosure.support.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/** Which collections hold outboxes, and whether this process relays them (a test can switch the relay off). */
@ConfigurationProperties("finance.outbox")
public record OutboxProperties(
        List<String> collections,
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("1s") Duration pollInterval) {
}
