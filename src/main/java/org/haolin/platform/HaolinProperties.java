package org.haolin.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * Haolin's own settings. Environment variables HAOLIN_DATA_DIR, HAOLIN_DB_URL, HAOLIN_DB_USER and
 * HAOLIN_DB_PASSWORD map onto these through application.yml. The zone is where people read times and
 * where "today" begins; times are stored as instants.
 */
@ConfigurationProperties("haolin")
public record HaolinProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Db db,
        @DefaultValue Crypto crypto,
        @DefaultValue Demo demo,
        @DefaultValue("Asia/Shanghai") java.time.ZoneId zone) {

    /** An external PostgreSQL when url is set; otherwise the embedded one under the data dir. */
    public record Db(String url, String user, String password, @DefaultValue("false") boolean cleanEmbedded) {
        public boolean external() {
            return url != null && !url.isBlank();
        }
    }

    /** Base64 AES-256 key; when empty the key is kept in a file under the data dir. */
    public record Crypto(String key) {
    }

    /** Demo mode loads a synthetic town on first start. */
    public record Demo(@DefaultValue("true") boolean enabled, @DefaultValue("20000") int residents,
                       @DefaultValue("20260428") long seed) {
    }
}
