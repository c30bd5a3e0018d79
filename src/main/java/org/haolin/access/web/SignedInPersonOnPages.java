package org.haolin.access.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.internal.SessionAuthorities;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Gives every page the signed-in person ("me") and the permissions the menu depends on ("perms"), once its
 * controller has chosen the page: an API answer (no page) pays nothing for them, and a redirect does not carry
 * them into its address.
 */
@Configuration(proxyBeanMethods = false)
class SignedInPersonOnPages implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView page) {
        if (page == null || page.getView() instanceof RedirectView
                || (page.getViewName() != null && page.getViewName().startsWith("redirect:"))) {
            return;
        }
        HaolinUser me = SessionAuthorities.signedIn(SecurityContextHolder.getContext().getAuthentication());
        page.addObject("me", me);
        page.addObject("perms", me == null ? Set.of() : Arrays.stream(Permission.values()).filter(me::may)
                .map(Enum::name).collect(Collectors.toSet()));
    }
}
