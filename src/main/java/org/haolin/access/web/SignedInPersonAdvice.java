package org.haolin.access.web;

import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Gives every page the signed-in person ("me") and the permissions the menu depends on ("perms"). */
@ControllerAdvice(annotations = Controller.class)
class SignedInPersonAdvice {

    @ModelAttribute("me")
    HaolinUser me() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean complete = auth != null && auth.getAuthorities().stream().anyMatch(a -> "SIGNED_IN".equals(a.getAuthority()));
        return complete && auth.getPrincipal() instanceof HaolinUser user ? user : null;
    }

    @ModelAttribute("perms")
    Set<String> perms() {
        HaolinUser user = me();
        return user == null ? Set.of() : Arrays.stream(Permission.values()).filter(user::may)
                .map(Enum::name).collect(Collectors.toSet());
    }
}
