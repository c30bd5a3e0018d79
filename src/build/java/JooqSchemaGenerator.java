import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * Build step: applies the Flyway migrations to a throwaway embedded PostgreSQL and generates jOOQ classes
 * from the resulting schema. Skips all of it when the migrations have not changed since the last run.
 * Usage: java JooqSchemaGenerator.java MIGRATION_DIR OUTPUT_DIR
 */
public class JooqSchemaGenerator {

    public static void main(String[] args) throws Exception {
        Path migrations = Path.of(args[0]);
        Path output = Path.of(args[1]);
        Path stamp = output.resolve(".migrations.sha256");
        String digest = digest(migrations);
        if (Files.exists(stamp) && Files.readString(stamp).equals(digest)) {
            System.out.println("jOOQ classes are up to date with the migrations");
            return;
        }
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            Flyway.configure().dataSource(pg.getPostgresDatabase())
                    .locations("filesystem:" + migrations.toAbsolutePath()).load().migrate();
            GenerationTool.generate(new Configuration()
                    .withJdbc(new Jdbc().withDriver("org.postgresql.Driver")
                            .withUrl(pg.getJdbcUrl("postgres", "postgres")).withUser("postgres"))
                    .withGenerator(new Generator()
                            .withDatabase(new Database()
                                    .withName("org.jooq.meta.postgres.PostgresDatabase")
                                    .withInputSchema("public")
                                    .withExcludes("flyway_schema_history|spring_session.*|event_publication.*|.*_p\\d{6}|.*_pdefault"))
                            .withGenerate(new Generate().withRecords(true).withPojos(false)
                                    .withJavaTimeTypes(true).withDeprecated(false))
                            .withTarget(new Target().withPackageName("haolin.schema")
                                    .withDirectory(output.toAbsolutePath().toString()))));
        }
        Files.writeString(stamp, digest);
    }

    private static String digest(Path migrations) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> files = Files.list(migrations)) {
            for (Path file : files.sorted().toList()) {
                sha.update(file.getFileName().toString().getBytes());
                sha.update(Files.readAllBytes(file));
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
