package io.coherent.config;

import io.coherent.core.linalg.ComplexMatrix;

/**
 * Operators written as text in scenario files: sums of products of numbers and named operators on named
 * subsystems, e.g. {@code 0.5*sz(a) + 0.5*1.2*sz(b) + 0.05*(sp(a)*sm(b) + sm(a)*sp(b))}. Numbers follow
 * {@link Expressions} ({@code pi}, exponents); {@code i} is the imaginary unit; a bare number in a sum
 * means that multiple of the identity. Nothing is implied: write both halves of a Hermitian pair.
 */
final class OperatorExpression {

    /** Resolves {@code name(subsystem)} to an operator on the full space (one-line error if unknown). */
    interface Resolver {
        ComplexMatrix resolve(String operator, String subsystem);

        int dimension();
    }

    /** A value during evaluation: a complex number (matrix null) or an operator. */
    private record Term(double re, double im, ComplexMatrix matrix) {
        static Term scalar(double re, double im) {
            return new Term(re, im, null);
        }
    }

    /** Deepest nesting of parentheses: each level is a recursion, and a scenario never needs more than a few. */
    static final int MAX_DEPTH = 100;

    private final String text;
    private final Resolver resolver;
    private int pos;
    private int depth;

    private OperatorExpression(String text, Resolver resolver) {
        this.text = text;
        this.resolver = resolver;
    }

    /**
     * Evaluates the text to an operator on the full space.
     *
     * @throws IllegalArgumentException with a short reason (the caller adds key and origin)
     */
    static ComplexMatrix evaluate(String text, Resolver resolver) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty operator");
        }
        OperatorExpression e = new OperatorExpression(text, resolver);
        Term t = e.sum();
        e.skipSpaces();
        if (e.pos < text.length()) {
            throw new IllegalArgumentException("unexpected '" + text.substring(e.pos) + "'");
        }
        return e.matrix(t);
    }

    private Term sum() {
        Term v = product();
        while (true) {
            skipSpaces();
            if (peek('+')) {
                pos++;
                v = add(v, product(), 1);
            } else if (peek('-')) {
                pos++;
                v = add(v, product(), -1);
            } else {
                return v;
            }
        }
    }

    private Term product() {
        Term v = unary();
        while (true) {
            skipSpaces();
            if (peek('*')) {
                pos++;
                v = multiply(v, unary());
            } else if (peek('/')) {
                pos++;
                Term d = unary();
                if (d.matrix() != null) {
                    throw new IllegalArgumentException("cannot divide by an operator");
                }
                double n = d.re() * d.re() + d.im() * d.im();
                v = multiply(v, Term.scalar(d.re() / n, -d.im() / n));
            } else {
                return v;
            }
        }
    }

    /** Signs are read in a loop, not by recursion, so that no number of them can overflow the stack. */
    private Term unary() {
        boolean negative = false;
        skipSpaces();
        while (peek('-') || peek('+')) {
            negative ^= peek('-');
            pos++;
            skipSpaces();
        }
        Term v = atom();
        return negative ? multiply(Term.scalar(-1, 0), v) : v;
    }

    private Term atom() {
        skipSpaces();
        if (peek('(')) {
            if (++depth > MAX_DEPTH) {
                throw new IllegalArgumentException("parentheses nested deeper than " + MAX_DEPTH + " levels");
            }
            pos++;
            Term v = sum();
            skipSpaces();
            expect(')');
            depth--;
            return v;
        }
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                || text.charAt(pos) == '.' || text.charAt(pos) == '\u03c0')) {
            if ((text.charAt(pos) == 'e' || text.charAt(pos) == 'E') && pos > start
                    && Character.isDigit(text.charAt(start)) && pos + 1 < text.length()
                    && (text.charAt(pos + 1) == '-' || text.charAt(pos + 1) == '+')) {
                pos += 2; // exponent sign of a number such as 1e-3
                continue;
            }
            pos++;
        }
        String word = text.substring(start, pos);
        if (word.isEmpty()) {
            throw new IllegalArgumentException(pos < text.length() ? "unexpected '" + text.substring(pos) + "'"
                    : "expression ends early");
        }
        skipSpaces();
        if (peek('(')) {
            pos++;
            int s = pos;
            while (pos < text.length() && text.charAt(pos) != ')') {
                pos++;
            }
            String subsystem = text.substring(s, pos).strip();
            expect(')');
            return new Term(0, 0, resolver.resolve(word, subsystem));
        }
        if (word.equals("i")) {
            return Term.scalar(0, 1);
        }
        return Term.scalar(Expressions.evaluate(word), 0);
    }

    private Term add(Term a, Term b, int sign) {
        if (a.matrix() == null && b.matrix() == null) {
            return Term.scalar(a.re() + sign * b.re(), a.im() + sign * b.im());
        }
        return new Term(0, 0, matrix(a).plus(matrix(b).scale(sign, 0)));
    }

    private Term multiply(Term a, Term b) {
        if (a.matrix() == null && b.matrix() == null) {
            return Term.scalar(a.re() * b.re() - a.im() * b.im(), a.re() * b.im() + a.im() * b.re());
        }
        if (a.matrix() == null) {
            return new Term(0, 0, b.matrix().scale(a.re(), a.im()));
        }
        if (b.matrix() == null) {
            return new Term(0, 0, a.matrix().scale(b.re(), b.im()));
        }
        return new Term(0, 0, a.matrix().times(b.matrix()));
    }

    private ComplexMatrix matrix(Term t) {
        return t.matrix() != null ? t.matrix()
                : ComplexMatrix.identity(resolver.dimension()).scale(t.re(), t.im());
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw new IllegalArgumentException("expected '" + c + "'" + (pos < text.length()
                    ? " at '" + text.substring(pos) + "'" : " at the end"));
        }
        pos++;
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
