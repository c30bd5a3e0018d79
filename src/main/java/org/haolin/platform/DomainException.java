package org.haolin.platform;

import org.springframework.http.HttpStatus;

/**
 * A refusal a community worker can understand: a message key (resolved in the reader's language)
 * with its arguments, and the HTTP status it answers with.
 */
public class DomainException extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final transient Object[] args;

    protected DomainException(HttpStatus status, String messageKey, Object... args) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.args = args;
    }

    /** Also used for objects outside the reader's scope, so that their existence is not revealed. */
    public static DomainException notFound(String messageKey, Object... args) {
        return new DomainException(HttpStatus.NOT_FOUND, messageKey, args);
    }

    public static DomainException invalid(String messageKey, Object... args) {
        return new DomainException(HttpStatus.BAD_REQUEST, messageKey, args);
    }

    public static DomainException conflict(String messageKey, Object... args) {
        return new DomainException(HttpStatus.CONFLICT, messageKey, args);
    }

    public static DomainException forbidden(String messageKey, Object... args) {
        return new DomainException(HttpStatus.FORBIDDEN, messageKey, args);
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }
}
