package org.haolin.wish.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.haolin.access.HaolinUser;
import org.haolin.wish.NewWish;
import org.haolin.wish.Wish;
import org.haolin.wish.WishChange;
import org.haolin.wish.Wishes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Wishes over JSON for staff systems: make one (idempotent by key), read one with its history. */
@RestController
@RequestMapping("/api/v1/wishes")
@Tag(name = "Wishes")
class WishApi {

    private final Wishes wishes;

    WishApi(Wishes wishes) {
        this.wishes = wishes;
    }

    record WishView(Wish wish, List<WishChange> history) {
    }

    @Operation(summary = "Make a wish for a resident (201; the same Idempotency-Key answers 200 with the same wish)")
    @PostMapping
    ResponseEntity<Wish> create(@AuthenticationPrincipal HaolinUser user,
                                @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                @RequestBody NewWish body) {
        Wishes.Made made = wishes.create(user, body, key);
        return ResponseEntity.status(made.created() ? HttpStatus.CREATED : HttpStatus.OK).body(made.wish());
    }

    @Operation(summary = "A wish with its history")
    @GetMapping("/{id}")
    WishView wish(@AuthenticationPrincipal HaolinUser user, @PathVariable long id) {
        return new WishView(wishes.detail(user, id), wishes.history(user, id));
    }
}
