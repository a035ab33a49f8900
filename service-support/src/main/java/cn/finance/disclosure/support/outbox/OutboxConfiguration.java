package cn.finance.disclosure.support.outbox;

import cn.finance.disclosure.support.mongo.IndexPlan;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import org.springframework.core.env.Environment;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.UUID;
import java.util.List;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfiguration {

    @Bean
    AggregateStore aggregateStore(MongoTemplate mongo, OutboxRelay relay) {
        return new AggregateStore(mongo, relay);
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxProperties properties,
                            ObjectProvider<MeterRegistry> meters, Environment environment) {
        List<String> collections = properties.collections() == null ? List.of() : properties.collections();
        OutboxRelay relay = new OutboxRelay(mongo, kafka, collections, properties.pollInterval(),
                new OutboxRelay.RetryPolicy(properties.maxAttempts(), properties.retryBackoff(),
                        properties.maxRetryBackoff()), Clock.systemUTC(), relayOwner(properties, environment),
                properties.claimLease()) {
            @Override
            public boolean isAutoStartup() {
                return properties.relayEnabled();
            }
        };
        meters.ifAvailable(registry -> metrics(relay, registry));
        return relay;
    }

    @Bean
    IndexPlan outboxIndexes(OutboxRelay relay) {
        return relay::indexes;
    }

    /**
     * The name a relay's claims carry: configured, or application, host and port, so the same node restarted
     * (SIGKILL, then started again on its port) resumes its own claims without waiting for them to expire. A random
     * port (0, tests) cannot tell nodes apart, so a random suffix keeps such relays distinct.
     */
    static String relayOwner(OutboxProperties properties, Environment environment) {
        if (properties.relayOwner() != null && !properties.relayOwner().isBlank()) {
            return properties.relayOwner();
        }
        String application = environment.getProperty("spring.application.name", "service");
        String port = environment.getProperty("server.port", "0");
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        String node = application + "@" + host + ":" + port;
        return "0".equals(port) ? node + "-" + UUID.randomUUID() : node;
    }

    static void metrics(OutboxRelay relay, MeterRegistry registry) {
        Gauge.builder("finance.outbox.failed", relay, r -> r.failures().size())
                .description("outbox messages marked failed (kept in their documents' outboxFailed)")
                .register(registry);
        FunctionCounter.builder("finance.outbox.relayed", relay, OutboxRelay::relayedCount)
                .description("events published by the outbox relay").register(registry);
        FunctionCounter.builder("finance.outbox.refused", relay, OutboxRelay::refusedAttempts)
                .description("publish attempts the broker or client refused for the message itself")
                .register(registry);
        FunctionCounter.builder("finance.outbox.found-on-topic", relay, OutboxRelay::foundOnTopicCount)
                .description("messages left in an outbox by an unfinished relay pass that were already on their "
                        + "topic, removed without publishing them again")
                .register(registry);
    }
}
