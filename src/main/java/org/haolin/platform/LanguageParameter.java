package org.haolin.platform;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** {@code ?lang=en} (or zh-CN) switches the reader's language and remembers it: for every handler mapping. */
public final class LanguageParameter {

    private LanguageParameter() {
    }

    public static HandlerInterceptor interceptor() {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        return interceptor;
    }
}
