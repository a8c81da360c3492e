package io.coherent.core.bath;

/**
 * A model parameter outside its allowed range. The message is one line naming the field, the value
 * and what is allowed, so that front ends can show it as it is.
 */
public final class InvalidModelException extends IllegalArgumentException {
    private final String field;

    public InvalidModelException(String field, Object value, String allowed) {
        super(field + " = " + value + " is not allowed: expected " + allowed);
        this.field = field;
    }

    public InvalidModelException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
