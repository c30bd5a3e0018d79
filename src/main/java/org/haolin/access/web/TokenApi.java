package org.haolin.access.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.haolin.access.ApiToken;
import org.haolin.access.HaolinUser;
import org.haolin.access.IssuedToken;
import org.haolin.access.MyAccount;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The caller's own API tokens. Another account's token is "not found", never "forbidden". */
@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "API tokens")
class TokenApi {

    record NewToken(String name) {
    }

    private final MyAccount myAccount;

    TokenApi(MyAccount myAccount) {
        this.myAccount = myAccount;
    }

    @Operation(summary = "My live tokens (never the token values)")
    @GetMapping
    List<ApiToken> list(@AuthenticationPrincipal HaolinUser me) {
        return myAccount.tokens(me);
    }

    @Operation(summary = "Make a token; its value is in this answer only")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    IssuedToken create(@AuthenticationPrincipal HaolinUser me, @RequestBody NewToken request) {
        return myAccount.createToken(me, request.name());
    }

    @Operation(summary = "Revoke one of my tokens")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@AuthenticationPrincipal HaolinUser me, @PathVariable long id) {
        myAccount.revokeToken(me, id);
    }
}
