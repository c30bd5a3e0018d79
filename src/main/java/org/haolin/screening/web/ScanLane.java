package org.haolin.screening.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.haolin.access.BearerTokens;
import org.haolin.access.HaolinUser;
import org.haolin.platform.LanguageParameter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API's check-in ({@code POST /api/v1/campaigns/{id}/checkins} with a live bearer token), served ahead of
 * the servlet filters and Spring MVC: at a peak it is nearly every request the server gets, and the general path
 * (a dozen filters, each wrapping the request or the response, then the dispatcher finding the handler and
 * resolving its arguments by reflection) cost a third of Haolin's CPU per check-in (profiled and measured,
 * docs/screening-scans.md). It does what that path does for this one request and no more: signs the caller in
 * with the token ({@link BearerTokens}, as the API's security chain does), writes the API's security headers,
 * takes the reader's language as every handler mapping does ({@code ?lang=}, the cookie, Accept-Language),
 * answers through {@link ScanApi}, and turns a refusal into the same problem JSON through Spring MVC's exception
 * resolvers. Anything else, a request without a live token too, goes the usual way, which answers it as before
 * (401, 405, the station's session path).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ScanLane extends HttpFilter {

    private static final Pattern PATH = Pattern.compile("/api/v1/campaigns/(\\d{1,18})/checkins");

    private final ScanApi api;
    private final BearerTokens tokens;
    private final LocaleResolver locales;
    private final HandlerInterceptor language = LanguageParameter.interceptor();
    private final HandlerExceptionResolver errors;
    /** The handler a refusal is resolved for, so ScanApi's own and the API's exception handlers apply. */
    private final HandlerMethod checkIn;

    ScanLane(ScanApi api, BearerTokens tokens, LocaleResolver locales,
             @Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors) throws NoSuchMethodException {
        this.api = api;
        this.tokens = tokens;
        this.locales = locales;
        this.errors = errors;
        this.checkIn = new HandlerMethod(api, ScanApi.class.getDeclaredMethod("processCheckInForm", HaolinUser.class,
                long.class, HttpServletRequest.class, HttpServletResponse.class));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String uri = request.getRequestURI();
        Matcher path = PATH.matcher(uri).region(request.getContextPath().length(), uri.length());
        Optional<HaolinUser> user = "POST".equals(request.getMethod()) && path.matches()
                ? tokens.user(request) : Optional.empty();
        if (user.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        tokens.writeHeaders(request, response);
        try {
            if (request.getQueryString() != null) { // ?lang= (a device's check-ins carry none)
                request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, locales);
                language.preHandle(request, response, checkIn);
            }
            LocaleContextHolder.setLocale(locales.resolveLocale(request));
            api.processCheckInForm(user.get(), Long.parseLong(path.group(1)), request, response);
        } catch (Exception e) {
            if (errors.resolveException(request, response, checkIn, e) == null) {
                throw new ServletException(e); // the container's error answer, as for any unresolved exception
            }
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }
}
