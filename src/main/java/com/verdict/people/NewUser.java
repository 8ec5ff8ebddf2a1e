package com.verdict.people;

import com.verdict.base.StoredText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** What it takes to create a user; {@code team} may be null or blank for no team. */
public record NewUser(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-zA-Z0-9._-]+",
                message = "may contain only letters, digits, '.', '_' and '-'") String username,
        @NotBlank @Size(max = NewUser.MAX_DISPLAY_NAME)
        @Pattern(regexp = StoredText.STORABLE, message = StoredText.UNSTORABLE) String displayName,
        @Size(max = NewUser.MAX_TEAM) @Pattern(regexp = StoredText.STORABLE, message = StoredText.UNSTORABLE)
        String team,
        @NotEmpty Set<@NotNull Role> roles,
        @NotBlank @FitsBcrypt @Pattern(regexp = StoredText.STORABLE, message = StoredText.UNSTORABLE)
        String password) {

    /** The columns' sizes: an edit and a new team keep them too ({@link PeopleService}). */
    static final int MAX_DISPLAY_NAME = 200;
    static final int MAX_TEAM = 100;
}
