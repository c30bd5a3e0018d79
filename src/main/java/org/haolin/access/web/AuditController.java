package org.haolin.access.web;

import org.haolin.access.AuditAction;
import org.haolin.access.AuditLog;
import org.haolin.access.HaolinUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The audit page for town administrators: their scope only, filtered, newest first, page by page. */
@Controller
class AuditController {

    private final AuditLog auditLog;

    AuditController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping("/audit")
    String show(@AuthenticationPrincipal HaolinUser me,
                @RequestParam(required = false) String user,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) Long resident,
                @RequestParam(required = false) AuditAction action,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime beforeAt,
                @RequestParam(required = false) Long beforeId,
                Model model) {
        AuditLog.Query query = new AuditLog.Query(user, from, to, resident, action, beforeAt, beforeId);
        model.addAttribute("query", query);
        model.addAttribute("page", auditLog.page(me, query));
        model.addAttribute("actions", AuditAction.values());
        return "audit/list";
    }
}
