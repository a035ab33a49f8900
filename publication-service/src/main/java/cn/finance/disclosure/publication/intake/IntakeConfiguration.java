package cn.finance.disclosure.publication.intake;

import cn.finance.disclosure.publication.disclosure.Drafts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * At least once, never stuck: a failing message is retried with growing pauses (a database hiccup passes), then
 * parked; one that can never succeed (not an envelope, a broken payload, content that cannot be generated) is parked at
 * once. Offsets are committed per record after it was handled (ack-mode record).
 */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    @Bean
    CommonErrorHandler kafkaErrorHandler(DeadLetters deadLetters) {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(8);
        backOff.setInitialInterval(500);
        backOff.setMultiplier(2);
        backOff.setMaxInterval(15_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
        handler.addNotRetryableExceptions(PoisonMessage.class, Drafts.GenerationFailed.class);
        return handler;
    }
}
