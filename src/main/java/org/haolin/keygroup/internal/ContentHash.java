package org.haolin.keygroup.internal;

import org.haolin.keygroup.NewKeyGroupRow;
import org.haolin.resident.InputText;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * What makes two pushes without a reference "the same list": the category and every row's cells, cleaned
 * (so a re-saved file with different spacing or full-width digits is still the same), in order. The title
 * is left out: a list sent again under another title is still the list already applied.
 */
public final class ContentHash {

    private static final char CELL = '\u001F';
    private static final char ROW = '\u001E';

    private ContentHash() {
    }

    public static byte[] of(String tagCode, List<NewKeyGroupRow> rows) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            StringBuilder text = new StringBuilder(tagCode).append(ROW);
            for (NewKeyGroupRow r : rows) {
                for (String cell : new String[] {r.name(), r.idNumber(), r.phone(), r.address(), r.from(), r.to(), r.status()}) {
                    text.append(InputText.clean(cell)).append(CELL);
                }
                text.append(ROW);
                if (text.length() > 1 << 16) {
                    digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
                    text.setLength(0);
                }
            }
            digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
