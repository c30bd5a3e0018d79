package org.haolin.resident;

import haolin.schema.tables.records.PersonalCodeRecord;
import haolin.schema.tables.records.ResidentRecord;
import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scopes;
import org.haolin.platform.DomainException;
import org.haolin.platform.PlannerStatistics;
import org.haolin.platform.SensitiveData;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Select;
import org.jooq.Table;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static haolin.schema.Tables.PERSONAL_CODE;
import static haolin.schema.Tables.RESIDENT;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;

/**
 * Personal codes (个人码): what a resident's QR code says. A code is {@code HL} + the code row's id in base 36 +
 * {@code -} + a keyed signature (HMAC, 50 bits in base 32), e.g. {@code HL2KX9-7QF3M2PZ4D}: upper-case letters,
 * digits and one hyphen, so handheld scanners type it reliably and QR alphanumeric mode keeps it small. It
 * carries no ID number, phone or name; the server verifies the signature and that the code is not revoked.
 * Revoking a code makes a new one at once (the old card stops working).
 */
@Service
public class PersonalCodes {

    /** Whom a valid code identifies: the resident and their stairwell. */
    public record CodeHolder(long codeId, long townId, long residentId, long areaId, String areaPath) {
    }

    private static final String PREFIX = "HL";
    private static final char[] BASE32 = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int SIGNATURE_CHARS = 10;

    private final DSLContext db;
    private final SensitiveData sensitive;
    private final Scopes scopes;
    private final AuditTrail audit;
    private final Clock clock;

    PersonalCodes(DSLContext db, SensitiveData sensitive, Scopes scopes, AuditTrail audit, Clock clock) {
        this.db = db;
        this.sensitive = sensitive;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
    }

    /** The text of the code with this row id (what the QR code and the printed card carry). */
    public String text(long codeId) {
        return PREFIX + Long.toString(codeId, 36).toUpperCase(Locale.ROOT) + "-" + signature(codeId);
    }

    /** The resident's current code, made now if they have none. */
    @Transactional
    public String currentCode(long townId, long residentId, String issuedBy) {
        PersonalCodeRecord current = db.selectFrom(PERSONAL_CODE)
                .where(PERSONAL_CODE.TOWN_ID.eq(townId), PERSONAL_CODE.RESIDENT_ID.eq(residentId),
                        PERSONAL_CODE.REVOKED_AT.isNull())
                .fetchOne();
        if (current != null) {
            return text(current.getId());
        }
        ResidentRecord resident = db.selectFrom(RESIDENT)
                .where(RESIDENT.TOWN_ID.eq(townId), RESIDENT.ID.eq(residentId)).fetchOne();
        if (resident == null) {
            throw DomainException.notFound("resident.notFound", residentId);
        }
        return text(issue(resident, issuedBy));
    }

    /** Gives every resident of the town without a current code one (one statement; cards and campaigns use it). */
    @Transactional
    public int issueMissing(long townId, String issuedBy) {
        int issued = db.insertInto(PERSONAL_CODE, PERSONAL_CODE.TOWN_ID, PERSONAL_CODE.AREA_ID, PERSONAL_CODE.AREA_PATH,
                        PERSONAL_CODE.RESIDENT_ID, PERSONAL_CODE.ISSUED_AT, PERSONAL_CODE.ISSUED_BY_NAME)
                .select(db.select(RESIDENT.TOWN_ID, RESIDENT.AREA_ID, RESIDENT.AREA_PATH, RESIDENT.ID,
                                inline(OffsetDateTime.now(clock)), inline(issuedBy))
                        .from(RESIDENT)
                        .where(RESIDENT.TOWN_ID.eq(townId), notExists(selectOne().from(PERSONAL_CODE)
                                .where(PERSONAL_CODE.TOWN_ID.eq(townId), PERSONAL_CODE.RESIDENT_ID.eq(RESIDENT.ID),
                                        PERSONAL_CODE.REVOKED_AT.isNull()))))
                .execute();
        return PlannerStatistics.afterBulkWrite(db, PERSONAL_CODE, issued);
    }

    /** Revokes the resident's current code (a lost card, a code seen by others) and issues a new one. */
    @Transactional
    public String revokeAndReissue(HaolinUser user, long residentId, String reason) {
        String why = InputText.clean(reason);
        if (why.isEmpty() || why.length() > 200) {
            throw DomainException.invalid("personalCode.reason.invalid");
        }
        ResidentRecord resident = db.selectFrom(RESIDENT)
                .where(RESIDENT.ID.eq(residentId),
                        scopes.of(user, Permission.EDIT_RESIDENTS).on(RESIDENT.TOWN_ID, RESIDENT.AREA_PATH))
                .fetchOne();
        if (resident == null) {
            throw DomainException.notFound("resident.notFound", residentId);
        }
        db.update(PERSONAL_CODE)
                .set(PERSONAL_CODE.REVOKED_AT, OffsetDateTime.now(clock))
                .set(PERSONAL_CODE.REVOKED_BY_NAME, user.displayName())
                .set(PERSONAL_CODE.REVOKE_REASON, why)
                .where(PERSONAL_CODE.TOWN_ID.eq(resident.getTownId()), PERSONAL_CODE.RESIDENT_ID.eq(residentId),
                        PERSONAL_CODE.REVOKED_AT.isNull())
                .execute();
        long codeId = issue(resident, user.displayName());
        audit.record(user, AuditAction.PERSONAL_CODE, AuditedObject.of("RESIDENT", residentId,
                resident.getTownId(), resident.getAreaPath()), "revoked and reissued: " + why);
        return text(codeId);
    }

    /** Whom the code identifies, if it is well formed, correctly signed and not revoked. */
    public Optional<CodeHolder> verify(String code) {
        if (code == null) {
            return Optional.empty(); // List.of refuses null: nothing was scanned
        }
        return Optional.ofNullable(verifyAll(List.of(code)).get(code));
    }

    /**
     * The valid codes among these, with their holders (one query for the batch; forged, malformed and revoked
     * codes are simply absent). Case-insensitive, surrounding blanks ignored; the map is keyed by the text given.
     */
    public Map<String, CodeHolder> verifyAll(Collection<String> codes) {
        Map<String, Long> signed = signed(codes);
        Map<Long, String> idToText = new HashMap<>();
        signed.forEach((text, id) -> idToText.put(id, text));
        Map<String, CodeHolder> valid = new LinkedHashMap<>();
        if (idToText.isEmpty()) {
            return valid;
        }
        // the holder's place is read from the resident, who may have moved since the code was issued
        Table<Record2<Long, Long>> holders = unrevoked(val(idToText.keySet().toArray(Long[]::new))).asTable("holder");
        db.select(holders.field(PERSONAL_CODE.ID), RESIDENT.TOWN_ID, RESIDENT.ID, RESIDENT.AREA_ID, RESIDENT.AREA_PATH)
                .from(holders).join(RESIDENT).on(RESIDENT.ID.eq(holders.field(PERSONAL_CODE.RESIDENT_ID)))
                .forEach(r -> valid.put(idToText.get(r.value1()),
                        new CodeHolder(r.value1(), r.value2(), r.value3(), r.value4(), r.value5())));
        return valid;
    }

    /**
     * The row ids of the well-formed, correctly signed codes among these, keyed by the text given; whether they
     * are revoked is {@link #unrevoked}'s to say. Checked without the database.
     */
    public Map<String, Long> signed(Collection<String> codes) {
        Map<String, Long> signed = new HashMap<>();
        for (String code : codes) {
            parse(code).ifPresent(id -> signed.put(code, id));
        }
        return signed;
    }

    /**
     * The codes among these row ids that are not revoked, as rows of (code id, resident id): for a reader that
     * finds the holders of {@link #signed} codes within its own statement.
     */
    public static Select<Record2<Long, Long>> unrevoked(Field<Long[]> codeIds) {
        return select(PERSONAL_CODE.ID, PERSONAL_CODE.RESIDENT_ID).from(PERSONAL_CODE)
                .where(PERSONAL_CODE.ID.eq(any(codeIds)), PERSONAL_CODE.REVOKED_AT.isNull());
    }

    /** The code's row id if the text is well formed and its signature is right. */
    Optional<Long> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String text = code.strip().toUpperCase(Locale.ROOT);
        int dash = text.indexOf('-');
        if (!text.startsWith(PREFIX) || dash < PREFIX.length() + 1 || dash > PREFIX.length() + 13
                || text.length() != dash + 1 + SIGNATURE_CHARS) {
            return Optional.empty();
        }
        long id;
        try {
            id = Long.parseLong(text.substring(PREFIX.length(), dash), 36);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(signature(id).getBytes(), text.substring(dash + 1).getBytes())
                ? Optional.of(id) : Optional.empty();
    }

    private long issue(ResidentRecord resident, String issuedBy) {
        return db.insertInto(PERSONAL_CODE)
                .set(PERSONAL_CODE.TOWN_ID, resident.getTownId())
                .set(PERSONAL_CODE.AREA_ID, resident.getAreaId())
                .set(PERSONAL_CODE.AREA_PATH, resident.getAreaPath())
                .set(PERSONAL_CODE.RESIDENT_ID, resident.getId())
                .set(PERSONAL_CODE.ISSUED_AT, OffsetDateTime.now(clock))
                .set(PERSONAL_CODE.ISSUED_BY_NAME, issuedBy)
                .returning(PERSONAL_CODE.ID).fetchOne().getId();
    }

    /** 50 bits of HMAC over a purpose label and the id, in base 32 (domain-separated from lookup hashes). */
    private String signature(long codeId) {
        byte[] mac = sensitive.lookupHash("personal-code:" + codeId);
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (mac[i] & 0xFF);
        }
        char[] out = new char[SIGNATURE_CHARS];
        for (int i = 0; i < SIGNATURE_CHARS; i++) {
            out[i] = BASE32[(int) ((bits >>> (64 - 5 * (i + 1))) & 31)];
        }
        return new String(out);
    }
}
