package org.haolin.wish.web;

import org.haolin.access.Accounts;
import org.haolin.access.HaolinUser;
import org.haolin.platform.DomainException;
import org.haolin.wish.ClaimerOrg;
import org.haolin.wish.Claimers;
import org.haolin.wish.ServiceCatalogue;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The service catalogue (星管家) and the claimer organisations: read by triagers, edited by town administrators. */
@Controller
class WishCatalogueController {

    private final ServiceCatalogue catalogue;
    private final Claimers claimers;
    private final Accounts accounts;

    WishCatalogueController(ServiceCatalogue catalogue, Claimers claimers, Accounts accounts) {
        this.catalogue = catalogue;
        this.claimers = claimers;
        this.accounts = accounts;
    }

    @GetMapping("/wish-services")
    String catalogue(@AuthenticationPrincipal HaolinUser user, Model model) {
        model.addAttribute("items", catalogue.items(user));
        model.addAttribute("orgs", claimers.orgs(user));
        model.addAttribute("adminTowns", user.grants().stream()
                .filter(g -> g.role() == org.haolin.access.Role.TOWN_ADMIN).map(g -> g.townId()).distinct().toList());
        model.addAttribute("types", ClaimerOrg.Type.values());
        return "wishes/catalogue";
    }

    @PostMapping("/wish-services")
    String processCreationForm(@AuthenticationPrincipal HaolinUser user, @RequestParam long town,
                               @RequestParam(required = false) String name,
                               @RequestParam(required = false) String provider,
                               @RequestParam(required = false) Integer hours) {
        catalogue.add(user, town, name, provider, hours);
        return "redirect:/wish-services";
    }

    @PostMapping("/wish-services/{id}")
    String processUpdateForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                             @RequestParam(required = false) String name,
                             @RequestParam(required = false) String provider,
                             @RequestParam(required = false) Integer hours) {
        catalogue.update(user, id, name, provider, hours);
        return "redirect:/wish-services";
    }

    @PostMapping("/wish-claimers")
    String processOrgForm(@AuthenticationPrincipal HaolinUser user, @RequestParam long town,
                          @RequestParam(required = false) String name,
                          @RequestParam(required = false) ClaimerOrg.Type type) {
        claimers.addOrg(user, town, name, type);
        return "redirect:/wish-services#claimers";
    }

    @PostMapping("/wish-claimers/{id}/accounts")
    String processLinkForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                           @RequestParam(required = false) String username) {
        HaolinUser claimer = accounts.idOf(username == null ? "" : username).flatMap(accounts::user)
                .orElseThrow(() -> DomainException.invalid("wish.org.notClaimer", username));
        claimers.link(user, id, claimer);
        return "redirect:/wish-services#claimers";
    }
}
