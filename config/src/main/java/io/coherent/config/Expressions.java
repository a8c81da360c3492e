package io.coherent.config;

import java.util.Map;

/**
 * The tiny expression language of scenario values: a number ({@code 0.3}, {@code 1e-10}), {@code pi},
 * products and quotients of those, and unary minus: {@code pi/8}, {@code -pi/4}, {@code 2*pi},
 * {@code 0.5*pi}. Nothing else (no sums, no parentheses, no NaN or infinities).
 *
 * <p>{@link #evaluate(String, Map)} adds named variables and sums and differences of products, e.g.
 * {@code Ta+DT} or {@code 0.1*Gamma} (the derived values of a sweep).
 */
public final class Expressions {
    private final String text;
    private final Map<String, Double> variables;
    private int pos;

    private Expressions(String text, Map<String, Double> variables) {
        this.text = text;
        this.variables = variables;
    }

    /**
     * Evaluates an expression.
     *
     * @throws IllegalArgumentException with a short reason if the text is not an expression or its value
     *                                  is not finite
     */
    public static double evaluate(String text) {
        return evaluate(text, null);
    }

    /**
     * Evaluates an expression that may also name variables and add or subtract products: {@code Ta+DT},
     * {@code 0.1*Gamma}, {@code omega1 - Delta/2}. A name is a letter or {@code _} followed by letters, digits
     * and {@code _}; {@code pi} is always pi.
     *
     * @param variables the names and their values (null: none, and no sums, as {@link #evaluate(String)})
     * @throws IllegalArgumentException with a short reason if the text is not an expression, names an unknown
     *                                  variable, or its value is not finite
     */
    public static double evaluate(String text, Map<String, Double> variables) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty value");
        }
        Expressions e = new Expressions(text, variables);
        double v = variables == null ? e.product() : e.sum();
        e.skipSpaces();
        if (e.pos < text.length()) {
            throw new IllegalArgumentException("unexpected '" + text.substring(e.pos) + "'");
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("not a finite number");
        }
        return v;
    }

    private double sum() {
        double v = product();
        while (true) {
            skipSpaces();
            if (peek('+')) {
                pos++;
                v += product();
            } else if (peek('-')) {
                pos++;
                v -= product();
            } else {
                return v;
            }
        }
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

    /** Signs are read in a loop, not by recursion: any number of them ({@code --1}, 6000 minus signs) is one value. */
    private double unary() {
        boolean negative = false;
        skipSpaces();
        while (peek('-') || peek('+')) {
            negative ^= peek('-');
            pos++;
            skipSpaces();
        }
        double v = atom();
        return negative ? -v : v;
    }

    private double atom() {
        skipSpaces();
        if (variables != null && pos < text.length() && (Character.isLetter(text.charAt(pos)) || peek('_'))) {
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || peek('_'))) {
                pos++;
            }
            String name = text.substring(start, pos);
            if (name.equals("pi")) {
                return Math.PI;
            }
            Double value = variables.get(name);
            if (value == null) {
                pos = start;
                throw new IllegalArgumentException("unknown name '" + name + "'"
                        + (variables.isEmpty() ? "" : "; known: " + String.join(", ", variables.keySet())));
            }
            return value;
        }
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
