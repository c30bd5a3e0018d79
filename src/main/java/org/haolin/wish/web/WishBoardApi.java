package org.haolin.wish.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.haolin.access.HaolinUser;
import org.haolin.wish.BoardWish;
import org.haolin.wish.Wishes;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The wish board over JSON, for claimer organisations' own systems. Claiming twice is refused (409). */
@RestController
@RequestMapping("/api/v1/wish-board")
@Tag(name = "Wish board")
class WishBoardApi {

    private final Wishes wishes;

    WishBoardApi(Wishes wishes) {
        this.wishes = wishes;
    }

    record Fulfilment(String note) {
    }

    @Operation(summary = "Published wishes (category, description, compound, needed by) and those the caller claimed")
    @GetMapping
    List<BoardWish> board(@AuthenticationPrincipal HaolinUser user) {
        return wishes.board(user);
    }

    @Operation(summary = "Claim a published wish")
    @PostMapping("/{id}/claim")
    BoardWish claim(@AuthenticationPrincipal HaolinUser user, @PathVariable long id) {
        wishes.claim(user, id);
        return mine(user, id);
    }

    @Operation(summary = "Record a claimed wish fulfilled, with a note")
    @PostMapping("/{id}/fulfil")
    BoardWish fulfil(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                     @RequestBody(required = false) Fulfilment body) {
        wishes.fulfil(user, id, body == null ? null : body.note());
        return mine(user, id);
    }

    private BoardWish mine(HaolinUser user, long id) {
        return wishes.board(user).stream().filter(w -> w.id() == id).findFirst().orElseThrow();
    }
}
