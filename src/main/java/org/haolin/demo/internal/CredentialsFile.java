package org.haolin.demo.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * demo-credentials.tsv in the data dir: a header row and one row per demo account. Readable by the owner
 * only, since it holds live passwords and tokens. Written whole or not at all (temporary file, then a move).
 */
final class CredentialsFile {

    static final String NAME = "demo-credentials.tsv";
    static final String HEADER = "username\tpassword\trole\tscope_area_id\ttotp_secret\tapi_token";

    private CredentialsFile() {
    }

    static Path write(Path dataDir, List<DemoAccount> accounts) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (DemoAccount a : accounts) {
            lines.add(String.join("\t", a.username(), a.password(), a.role(),
                    a.scopeAreaIds().stream().map(String::valueOf).collect(Collectors.joining(",")),
                    a.totpSecret(), a.apiToken()));
        }
        Path file = dataDir.resolve(NAME).toAbsolutePath().normalize();
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(NAME + ".tmp");
            Files.write(temporary, lines);
            ownerOnly(temporary);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
    }
}
