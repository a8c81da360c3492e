package io.coherent.config;

/**
 * The tiny expression language of scenario values: a number ({@code 0.3}, {@code 1e-10}), {@code pi},
 * products and quotients of those, and unary minus: {@code pi/8}, {@code -pi/4}, {@code 2*pi},
 * {@code 0.5*pi}. Nothing else (no sums, no parentheses, no NaN or infinities).
 */
public final class Expressions {
    private final String text;
    private int pos;

    private Expressions(String text) {
        this.text = text;
    }

    /**
     * Evaluates an expression.
     *
     * @throws IllegalArgumentException with a short reason if the text is not an expression or its value
     *                                  is not finite
     */
    public static double evaluate(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty value");
        }
        Expressions e = new Expressions(text);
        double v = e.product();
        e.skipSpaces();
        if (e.pos < text.length()) {
            throw new IllegalArgumentException("unexpected '" + text.substring(e.pos) + "'");
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("not a finite number");
        }
        return v;
    }

    private double product() {
        double v = unary();
        while (true) {
            skipSpaces();
            if (peek('*')) {
                pos++;
                v *= unary();
            } else if (peek('/')) {
                pos++;
                v /= unary();
            } else {
                return v;
            }
        }
    }

    private double unary() {
        skipSpaces();
        if (peek('-')) {
            pos++;
            return -unary();
        }
        if (peek('+')) {
            pos++;
            return unary();
        }
        return atom();
    }

    private double atom() {
        skipSpaces();
        if (text.startsWith("pi", pos)) {
            pos += 2;
            return Math.PI;
        }
        if (text.startsWith("\u03c0", pos)) {
            pos += 1;
            return Math.PI;
        }
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (peek('.')) {
            pos++;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        boolean digits = text.substring(start, pos).chars().anyMatch(Character::isDigit);
        if (!digits) {
            pos = start;
            throw new IllegalArgumentException(pos < text.length() ? "unexpected '" + text.substring(pos) + "'"
                    : "expression ends early");
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int mark = pos;
            pos++;
            if (peek('+') || peek('-')) {
                pos++;
            }
            int expStart = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (pos == expStart) {
                pos = mark;
                throw new IllegalArgumentException("unexpected '" + text.substring(mark) + "'");
            }
        }
        return Double.parseDouble(text.substring(start, pos));
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
