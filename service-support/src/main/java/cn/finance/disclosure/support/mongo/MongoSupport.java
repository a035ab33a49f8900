package cn.finance.disclosure.support.mongo;

import cn.finance.disclosure.events.Yuan;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

import java.util.List;

/** Money as Decimal128 (exact), and a health check that the MongoDB-wire server understands too. */
@Configuration(proxyBeanMethods = false)
public class MongoSupport {

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return new MongoCustomConversions(List.of(new YuanToDecimal128(), new Decimal128ToYuan()));
    }

    /** Boot's indicator sends {@code hello}, which the embedded server does not know; {@code ping} works on both. */
    @Bean
    HealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return () -> {
            try {
                Document answer = mongo.executeCommand(new Document("ping", 1));
                return Health.up().withDetail("database", mongo.getDb().getName())
                        .withDetail("ok", answer.get("ok")).build();
            } catch (RuntimeException e) {
                return Health.down(e).build();
            }
        };
    }

    @WritingConverter
    static final class YuanToDecimal128 implements Converter<Yuan, Decimal128> {
        @Override
        public Decimal128 convert(Yuan source) {
            return new Decimal128(source.amount());
        }
    }

    @ReadingConverter
    static final class Decimal128ToYuan implements Converter<Decimal128, Yuan> {
        @Override
        public Yuan convert(Decimal128 source) {
            return Yuan.of(source.bigDecimalValue());
        }
    }
}
