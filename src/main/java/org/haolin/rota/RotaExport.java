package org.haolin.rota;

import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scopes;
import org.haolin.platform.DomainException;
import org.haolin.rota.internal.RotaExportSheet;
import org.haolin.rota.internal.RotaExportSheet.Period;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

import static haolin.schema.Tables.AREA;
import static haolin.schema.Tables.ROTA;

/**
 * A rota as an .xlsx to print or send on: one row per post slot or staff seat, one column per day, the name of
 * whoever holds each shift (a substitute marked). For those who keep rotas over the rota's area; audited.
 */
@Service
public class RotaExport {

    private final Scopes scopes;
    private final DSLContext db;
    private final RotaExportSheet sheet;
    private final AuditTrail audit;

    RotaExport(Scopes scopes, DSLContext db, RotaExportSheet sheet, AuditTrail audit) {
        this.scopes = scopes;
        this.db = db;
        this.sheet = sheet;
        this.audit = audit;
    }

    /** The rota's workbook, in the reader's language. */
    @Transactional
    public byte[] export(HaolinUser user, long rotaId, Locale locale) {
        var rota = db.select(ROTA.ID, ROTA.TOWN_ID, ROTA.AREA_PATH, ROTA.NAME, ROTA.FIRST_DAY, ROTA.DAYS, AREA.NAME)
                .from(ROTA).join(AREA).on(AREA.ID.eq(ROTA.AREA_ID))
                .where(ROTA.ID.eq(rotaId), scopes.of(user, Permission.MANAGE_ROTA).on(ROTA.TOWN_ID, ROTA.AREA_PATH))
                .fetchOptional()
                .orElseThrow(() -> DomainException.notFound("shift.export.notFound", rotaId));
        Period period = new Period(rota.get(AREA.NAME), rota.get(ROTA.NAME), rota.get(ROTA.FIRST_DAY), rota.get(ROTA.DAYS));
        var lines = sheet.lines(rotaId);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sheet.write(period, lines, locale, out);
        audit.record(user, AuditAction.EXPORT, AuditedObject.of("ROTA", rotaId, rota.get(ROTA.TOWN_ID),
                rota.get(ROTA.AREA_PATH)), lines.size() + " rows");
        return out.toByteArray();
    }

    /** The name the download is saved under. */
    public static String fileName(long rotaId) {
        return "rota-" + rotaId + ".xlsx";
    }
}
