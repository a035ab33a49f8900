package cn.finance.disclosure.portal.archive;

import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Boot's Mongo indicator sends {@code hello}, which the MongoDB-wire server does not know; {@code ping} works on both. */
@Configuration(proxyBeanMethods = false)
class MongoHealth {

    @Bean
    HealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return () -> {
            try {
                mongo.executeCommand(new Document("ping", 1));
                return Health.up().withDetail("database", mongo.getDb().getName()).build();
            } catch (RuntimeException e) {
                return Health.down(e).build();
            }
        };
    }
}
