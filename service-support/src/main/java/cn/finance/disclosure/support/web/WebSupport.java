package cn.finance.disclosure.support.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;

import java.time.Clock;

/** Correlation ids first in the filter chain (before security, so 401s carry one too), problem+json, the clock. */
@Configuration(proxyBeanMethods = false)
@Import(ProblemHandling.class)
public class WebSupport {

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
            @org.springframework.beans.factory.annotation.Value("${finance.max-body-size:1MB}")
            org.springframework.util.unit.DataSize maxBodySize, tools.jackson.databind.json.JsonMapper json) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(maxBodySize.toBytes(), json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * Request bodies are read strictly: unknown fields, duplicate keys, nulls for primitives and numbers where text
     * is expected are errors, not silently dropped or coerced.
     */
    @Bean
    JsonMapperBuilderCustomizer strictRequestReading() {
        return builder -> builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfigDefaults(c -> c.setAcceptBlankAsEmpty(false));
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
