package org.haolin.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/** The external PostgreSQL named by HAOLIN_DB_URL, or else the embedded one kept under the data dir. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    DataSource dataSource(HaolinProperties properties) {
        HaolinProperties.Db db = properties.db();
        HikariConfig config = new HikariConfig();
        config.setPoolName("haolin");
        config.setMaximumPoolSize(20);
        if (db.external()) {
            config.setJdbcUrl(db.url());
            config.setUsername(db.user());
            config.setPassword(db.password());
        } else {
            config.setJdbcUrl(EmbeddedDatabase.jdbcUrl(properties.dataDir(), db.cleanEmbedded()));
        }
        return new HikariDataSource(config);
    }
}
