package cn.finance.disclosure.support.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.DeserializationFeature;

import java.time.Clock;
import java.util.List;

/** Correlation ids first in the filter chain (before security, so 401s carry one too), problem+json, the clock. */
@Configuration(proxyBeanMethods = false)
@Import({ProblemHandling.class, ProblemErrorController.class})
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
            org.springframework.util.unit.DataSize maxBodySize,
            @org.springframework.beans.factory.annotation.Value("${finance.max-workbook-size:5MB}")
            org.springframework.util.unit.DataSize maxWorkbookSize, tools.jackson.databind.json.JsonMapper json) {
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(
                new BodySizeLimitFilter(maxBodySize.toBytes(), maxWorkbookSize.toBytes(), json));
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
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfigDefaults(c -> c.setAcceptBlankAsEmpty(false))
                // text fields take only JSON strings; numbers take only JSON numbers of their kind
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
    }

    /**
     * Bodies are JSON, read by the strict mapper above and nothing else: converters for other formats that arrive
     * with libraries (YAML through springdoc, say) would read the same records without any of those rules.
     */
    @Bean
    WebMvcConfigurer jsonOnlyRequestBodies() {
        return new WebMvcConfigurer() {
            @Override
            public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
                converters.removeIf(converter -> converter.getSupportedMediaTypes().stream().anyMatch(type ->
                        type.getSubtype().contains("yaml") || type.getSubtype().contains("cbor")
                                || type.getSubtype().contains("smile") || type.getSubtype().contains("xml")));
            }
        };
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
