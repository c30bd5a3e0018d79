package org.haolin.roster;

import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.area.Area;
import org.haolin.area.AreaLevel;
import org.haolin.area.AreaTree;
import org.haolin.platform.DomainException;
import org.haolin.resident.ResidentListing;
import org.haolin.roster.internal.ExportSheet;
import org.haolin.roster.internal.Reasons;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.OutputStream;
import java.util.Locale;

/**
 * Roster exports to .xlsx, streamed: one stairwell's list, or everything under a compound, residential
 * area or town. Only inside the person's export scope; identifiers masked; each export is audited before
 * its first byte leaves, so even an interrupted download is on record.
 */
@Service
public class RosterExports {

    private final ResidentListing listing;
    private final AreaTree areas;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Reasons reasons;
    private final TransactionTemplate separately;

    RosterExports(ResidentListing listing, AreaTree areas, AuditTrail audit, MessageSource messages, Reasons reasons,
                  PlatformTransactionManager transactions) {
        this.listing = listing;
        this.areas = areas;
        this.audit = audit;
        this.messages = messages;
        this.reasons = reasons;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A stairwell the person may export, or "not found". */
    public Area stairwell(HaolinUser user, long id) {
        Area area = listing.area(user, Permission.EXPORT_ROSTER, id);
        if (area.level() != AreaLevel.STAIRWELL) {
            throw DomainException.notFound("area.notFound", id);
        }
        return area;
    }

    /** A town, residential area, compound, building or stairwell the person may export, or "not found". */
    public Area area(HaolinUser user, long id) {
        return listing.area(user, Permission.EXPORT_ROSTER, id);
    }

    /** Writes the roster of an area found by {@link #stairwell} or {@link #area}; returns how many residents. */
    public int write(HaolinUser user, Area area, Locale locale, OutputStream out) {
        int count = listing.count(user, Permission.EXPORT_ROSTER, area);
        separately.executeWithoutResult(status -> audit.record(user, AuditAction.EXPORT,
                AuditedObject.of("AREA", area.id(), area.townId(), area.path()), "xlsx, " + count + " residents"));
        ExportSheet sheet = new ExportSheet(out, areas, area, messages, reasons, locale);
        int written = listing.forEach(user, Permission.EXPORT_ROSTER, area, sheet::add);
        sheet.finish();
        return written;
    }

    /** The download's file name: the area's name and "名单" or "roster". */
    public String fileName(Area area, Locale locale) {
        return area.name() + "-" + messages.getMessage("export.fileSuffix", null, locale) + ".xlsx";
    }
}
