package org.haolin.access.internal;

import org.haolin.access.BearerTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import java.util.Map;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * The API: stateless, bearer tokens only, 401 without one. Nothing a page needs runs here (no logout, no
     * saved request, no anonymous user, no servlet-API wrapper), so a scan at a peak pays only for its token.
     */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, BearerTokens tokens) throws Exception {
        return http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .servletApi(servletApi -> servletApi.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class)
                // the API's headers, defined once: the scan lane writes the same ones ahead of this chain
                .headers(h -> h.defaultsDisabled().addHeaderWriter(tokens::writeHeaders))
                .authorizeHttpRequests(a -> a.anyRequest().hasAuthority(SessionAuthorities.SIGNED_IN))
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .build();
    }

    /** Pages: form login, then the second factor where the account has or needs one. */
    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, PasswordAuthentication passwordAuthentication) throws Exception {
        return http
                // its own manager without a parent: a parent would try the same password again on failure,
                // counting every wrong password twice towards the lockout
                .authenticationManager(new ProviderManager(passwordAuthentication))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/favicon.ico",
                                "/actuator/health", "/v3/api-docs/**", "/swagger-ui/**").permitAll()
                        .requestMatchers("/login/second-factor").hasAuthority(SessionAuthorities.SECOND_FACTOR_PENDING)
                        .anyRequest().hasAuthority(SessionAuthorities.SIGNED_IN))
                .formLogin(f -> f.loginPage("/login").failureHandler(new LoginFailureHandler())
                        .successHandler(new LoginSuccessHandler()).permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(e -> e.accessDeniedHandler(new SecondFactorRedirect()))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none'")))
                .build();
    }

    /**
     * Nothing reads Spring Security's observations (no metrics or traces are exported), and with an observation
     * registry present every request's filters were wrapped to record them, whether recorded or not.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * BCrypt behind a "{bcrypt}" prefix, so a later algorithm can take over hash by hash. The work factor
     * is configurable only so tests, which hash thousands of passwords, need not pay production's price;
     * a stored hash carries its own factor, so either setting reads every hash.
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${haolin.security.bcrypt-strength:10}") int strength) {
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(strength)));
    }
}
