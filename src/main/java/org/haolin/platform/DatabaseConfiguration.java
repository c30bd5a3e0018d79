package org.haolin.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.nio.file.Path;

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
            return new HikariDataSource(config);
        }
        config.setJdbcUrl(EmbeddedDatabase.acquire(properties.dataDir(), db.cleanEmbedded()));
        // A local server answers at once or not at all (it may already be stopping with the JVM): fail fast.
        config.setConnectionTimeout(3000);
        return new EmbeddedPool(config, properties.dataDir());
    }

    /** Closing the pool lets go of the embedded server, which stops when its last pool closes. */
    static final class EmbeddedPool extends HikariDataSource {

        private final Path dataDir;

        EmbeddedPool(HikariConfig config, Path dataDir) {
            super(config);
            this.dataDir = dataDir;
        }

        @Override
        public void close() {
            super.close();
            EmbeddedDatabase.release(dataDir);
        }
    }
}
