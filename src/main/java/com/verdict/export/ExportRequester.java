package com.verdict.export;

/**
 * Who asks for an export and how: {@code via} is {@code ui}, {@code basic} (password over REST) or
 * {@code token}, with the token's name.
 */
public record ExportRequester(long userId, String username, String via, String tokenName) {

    public static ExportRequester viaUi(long userId, String username) {
        return new ExportRequester(userId, username, "ui", null);
    }
}
