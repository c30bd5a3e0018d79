package org.haolin.area.web;

import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scopes;
import org.haolin.area.Area;
import org.haolin.area.AreaLevel;
import org.haolin.area.AreaTree;
import org.haolin.area.ZoneLevel;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

@Controller
class AreaController {

    private final AreaTree areas;
    private final Scopes scopes;

    AreaController(AreaTree areas, Scopes scopes) {
        this.areas = areas;
        this.scopes = scopes;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal HaolinUser user) {
        if (user.may(Permission.VIEW_COCKPIT)) {
            return "redirect:/cockpit";
        }
        return user.may(Permission.READ_RESIDENTS) ? "redirect:/areas" : "redirect:/me";
    }

    @GetMapping("/areas")
    String roots(@AuthenticationPrincipal HaolinUser user, Model model) {
        List<Area> roots = areas.roots(user);
        if (roots.size() == 1) {
            return "redirect:" + pathOf(roots.getFirst());
        }
        model.addAttribute("children", roots);
        return "areas/roots";
    }

    @GetMapping("/areas/{id}")
    String show(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, Model model) {
        Area area = areas.visible(user, id);
        if (area.level() == AreaLevel.STAIRWELL) {
            return "redirect:/stairwells/" + id;
        }
        model.addAttribute("area", area);
        model.addAttribute("lineage", areas.lineage(area));
        model.addAttribute("children", areas.children(user, id));
        model.addAttribute("canManage", scopes.of(user, Permission.MANAGE_AREAS).covers(area.path()));
        model.addAttribute("canSetZone", area.level().hasZoneLevel()
                && scopes.of(user, Permission.SET_ZONE_LEVEL).covers(area.path()));
        model.addAttribute("zoneLevels", ZoneLevel.values());
        model.addAttribute("zoneHistory", area.level().hasZoneLevel() ? areas.zoneHistory(user, id) : List.of());
        return "areas/show";
    }

    @PostMapping("/areas/{id}/children")
    String processCreationForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                               @RequestParam String name, @RequestParam(required = false) String code) {
        areas.create(user, id, name, code == null || code.isBlank() ? null : code.strip());
        return "redirect:/areas/" + id;
    }

    @PostMapping("/areas/{id}/name")
    String processRenameForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, @RequestParam String name) {
        areas.rename(user, id, name);
        return "redirect:/areas/" + id;
    }

    @PostMapping("/areas/{id}/zone-level")
    String processZoneLevelForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                                @RequestParam ZoneLevel level, @RequestParam String reason) {
        areas.changeZoneLevel(user, id, level, reason);
        return "redirect:/areas/" + id;
    }

    static String pathOf(Area area) {
        return (area.level() == AreaLevel.STAIRWELL ? "/stairwells/" : "/areas/") + area.id();
    }
}
