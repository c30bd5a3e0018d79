package org.haolin.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /** Injected wherever time decides something, so tests can set it. */
    @Bean
    Clock clock(HaolinProperties properties) {
        return Clock.system(properties.zone());
    }

    @Bean
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactions) {
        return new TransactionTemplate(transactions);
    }
}
