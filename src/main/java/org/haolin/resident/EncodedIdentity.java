package org.haolin.resident;

import org.haolin.platform.Masking;
import org.haolin.platform.SensitiveData;

/**
 * How an ID number and phone are stored: ciphertext, keyed hash, masked form and last four.
 * The one place that decides it, for single writes, imports and bulk loads alike.
 */
public record EncodedIdentity(byte[] idNumberEnc, byte[] idNumberHash, String idNumberMasked, String idLast4,
                              byte[] phoneEnc, byte[] phoneHash, String phoneMasked, String phoneLast4) {

    public static EncodedIdentity of(SensitiveData sensitive, String idNumber, String phone) {
        boolean hasPhone = phone != null && !phone.isBlank();
        return of(sensitive, idNumber, sensitive.lookupHash(idNumber), phone,
                hasPhone ? sensitive.lookupHash(phone) : null);
    }

    /** The same, for batches that computed the lookup hashes already (to match rows) and need not hash twice. */
    public static EncodedIdentity of(SensitiveData sensitive, String idNumber, byte[] idNumberHash, String phone,
                                     byte[] phoneHash) {
        boolean hasPhone = phone != null && !phone.isBlank();
        return new EncodedIdentity(
                sensitive.encrypt(idNumber), idNumberHash, Masking.idNumber(idNumber), Masking.lastFour(idNumber),
                hasPhone ? sensitive.encrypt(phone) : null, hasPhone ? phoneHash : null,
                hasPhone ? Masking.phone(phone) : null, hasPhone ? Masking.lastFour(phone) : null);
    }
}
