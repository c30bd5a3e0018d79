package org.haolin.screening.web;

import org.haolin.platform.LanguageParameter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The scan path's own handler mapping, asked before the application's usual one. Spring MVC finds a handler for
 * a path with a variable ({@code /api/v1/campaigns/{id}/checkins}) by trying every one of the application's
 * ~300 mappings, which at a peak cost about a quarter of a check-in's request CPU. This one holds only
 * {@link ScanApi}'s endpoints (the station's check-ins and tube closings; the API's check-ins with a token are
 * served before any mapping, by {@link ScanLane}); any other path falls through to the usual mapping after a
 * handful of checks. Not offered for injection, so whoever asks for "the" request mapping still gets the usual
 * one.
 */
@Configuration(proxyBeanMethods = false)
class ScanPathMapping {

    @Bean(autowireCandidate = false)
    RequestMappingHandlerMapping scanPathHandlerMapping() {
        RequestMappingHandlerMapping mapping = new RequestMappingHandlerMapping() {
            @Override
            protected boolean isHandler(Class<?> beanType) {
                return ScanApi.class.isAssignableFrom(beanType);
            }
        };
        mapping.setOrder(Ordered.HIGHEST_PRECEDENCE);
        mapping.setInterceptors(LanguageParameter.interceptor()); // as on every other mapping
        return mapping;
    }
}
