package org.haolin.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

import java.time.Duration;
import java.util.Locale;

/** Chinese first: zh-CN unless the reader picked English (?lang=en, remembered in a cookie) or, for the API, asked for it. */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("haolin-lang");
        // Pages start in Chinese whatever the browser says; API clients choose with Accept-Language.
        resolver.setDefaultLocaleFunction(request ->
                request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                        && request.getHeader("Accept-Language") != null
                        ? request.getLocale() : Locale.SIMPLIFIED_CHINESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(LanguageParameter.interceptor());
    }
}
