package io.coherent.core.linalg;

import java.util.Arrays;

/**
 * An immutable dense complex matrix, stored row-major as separate real and imaginary arrays.
 * Used to describe models (Hamiltonians, occupation matrices) and for set-up linear algebra;
 * hot paths work on the flat arrays directly.
 */
public final class ComplexMatrix {
    private final int rows;
    private final int cols;
    private final double[] re;
    private final double[] im;

    private ComplexMatrix(int rows, int cols, double[] re, double[] im) {
        this.rows = rows;
        this.cols = cols;
        this.re = re;
        this.im = im;
    }

    /** Copies the given row-major arrays (length rows*cols each). */
    public static ComplexMatrix of(int rows, int cols, double[] re, double[] im) {
        if (re.length != rows * cols || im.length != rows * cols) {
            throw new IllegalArgumentException("matrix data has " + re.length + " entries, expected " + rows * cols);
        }
        return new ComplexMatrix(rows, cols, re.clone(), im.clone());
    }

    public static ComplexMatrix real(double[][] values) {
        return fromParts(values, null);
    }

    /** From nested real and (optional) imaginary parts; all rows must have the same length. */
    public static ComplexMatrix fromParts(double[][] real, double[][] imag) {
        int r = real.length;
        int c = r == 0 ? 0 : real[0].length;
        double[] re = new double[r * c];
        double[] im = new double[r * c];
        for (int i = 0; i < r; i++) {
            if (real[i].length != c) {
                throw new IllegalArgumentException("row " + (i + 1) + " has " + real[i].length + " entries, expected " + c);
            }
            System.arraycopy(real[i], 0, re, i * c, c);
            if (imag != null) {
                if (imag.length != r || imag[i].length != c) {
                    throw new IllegalArgumentException("imaginary part must have the same shape as the real part");
                }
                System.arraycopy(imag[i], 0, im, i * c, c);
            }
        }
        return new ComplexMatrix(r, c, re, im);
    }

    public static ComplexMatrix zeros(int rows, int cols) {
        return new ComplexMatrix(rows, cols, new double[rows * cols], new double[rows * cols]);
    }

    public static ComplexMatrix identity(int n) {
        double[] re = new double[n * n];
        for (int i = 0; i < n; i++) {
            re[i * n + i] = 1.0;
        }
        return new ComplexMatrix(n, n, re, new double[n * n]);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public double re(int i, int j) {
        return re[i * cols + j];
    }

    public double im(int i, int j) {
        return im[i * cols + j];
    }

    /** Copy of the row-major real parts. */
    public double[] realParts() {
        return re.clone();
    }

    /** Copy of the row-major imaginary parts. */
    public double[] imaginaryParts() {
        return im.clone();
    }

    public boolean isSquare() {
        return rows == cols;
    }

    /** Largest |A_ij - conj(A_ji)|; zero for a Hermitian matrix. */
    public double hermiticityDefect() {
        double worst = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double dr = re(i, j) - re(j, i);
                double di = im(i, j) + im(j, i);
                worst = Math.max(worst, Math.hypot(dr, di));
            }
        }
        return worst;
    }

    public double maxAbs() {
        double worst = 0;
        for (int k = 0; k < re.length; k++) {
            worst = Math.max(worst, Math.hypot(re[k], im[k]));
        }
        return worst;
    }

    public boolean isFinite() {
        for (int k = 0; k < re.length; k++) {
            if (!Double.isFinite(re[k]) || !Double.isFinite(im[k])) {
                return false;
            }
        }
        return true;
    }

    public ComplexMatrix times(ComplexMatrix other) {
        if (cols != other.rows) {
            throw new IllegalArgumentException("shape mismatch " + rows + "x" + cols + " * " + other.rows + "x" + other.cols);
        }
        double[] r = new double[rows * other.cols];
        double[] m = new double[rows * other.cols];
        for (int i = 0; i < rows; i++) {
            for (int l = 0; l < cols; l++) {
                double ar = re[i * cols + l];
                double ai = im[i * cols + l];
                if (ar == 0 && ai == 0) {
                    continue;
                }
                for (int j = 0; j < other.cols; j++) {
                    double br = other.re[l * other.cols + j];
                    double bi = other.im[l * other.cols + j];
                    r[i * other.cols + j] += ar * br - ai * bi;
                    m[i * other.cols + j] += ar * bi + ai * br;
                }
            }
        }
        return new ComplexMatrix(rows, other.cols, r, m);
    }

    public ComplexMatrix conjugateTranspose() {
        double[] r = new double[rows * cols];
        double[] m = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                r[j * rows + i] = re[i * cols + j];
                m[j * rows + i] = -im[i * cols + j];
            }
        }
        return new ComplexMatrix(cols, rows, r, m);
    }

    /** Column vector (d x 1) from real and imaginary parts. */
    public static ComplexMatrix column(double[] re, double[] im) {
        return of(re.length, 1, re, im);
    }

    /** The diagonal matrix diag(values). */
    public static ComplexMatrix diagonal(double[] values) {
        int n = values.length;
        double[] re = new double[n * n];
        for (int i = 0; i < n; i++) {
            re[i * n + i] = values[i];
        }
        return new ComplexMatrix(n, n, re, new double[n * n]);
    }

    public ComplexMatrix plus(ComplexMatrix other) {
        return combine(other, 1);
    }

    public ComplexMatrix minus(ComplexMatrix other) {
        return combine(other, -1);
    }

    private ComplexMatrix combine(ComplexMatrix other, double sign) {
        if (rows != other.rows || cols != other.cols) {
            throw new IllegalArgumentException("shape mismatch " + rows + "x" + cols + " vs " + other.rows + "x" + other.cols);
        }
        double[] r = new double[re.length];
        double[] m = new double[re.length];
        for (int k = 0; k < re.length; k++) {
            r[k] = re[k] + sign * other.re[k];
            m[k] = im[k] + sign * other.im[k];
        }
        return new ComplexMatrix(rows, cols, r, m);
    }

    /** (zRe + i zIm) * this. */
    public ComplexMatrix scale(double zRe, double zIm) {
        double[] r = new double[re.length];
        double[] m = new double[re.length];
        for (int k = 0; k < re.length; k++) {
            r[k] = zRe * re[k] - zIm * im[k];
            m[k] = zRe * im[k] + zIm * re[k];
        }
        return new ComplexMatrix(rows, cols, r, m);
    }

    /** Real multiple s * this. */
    public ComplexMatrix scale(double s) {
        return scale(s, 0);
    }

    /** Kronecker product this (x) other; this carries the more significant index. */
    public ComplexMatrix kron(ComplexMatrix other) {
        int r = rows * other.rows;
        int c = cols * other.cols;
        double[] outRe = new double[r * c];
        double[] outIm = new double[r * c];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double ar = re[i * cols + j];
                double ai = im[i * cols + j];
                if (ar == 0 && ai == 0) {
                    continue;
                }
                for (int k = 0; k < other.rows; k++) {
                    int row = i * other.rows + k;
                    for (int l = 0; l < other.cols; l++) {
                        double br = other.re[k * other.cols + l];
                        double bi = other.im[k * other.cols + l];
                        int idx = row * c + j * other.cols + l;
                        outRe[idx] = ar * br - ai * bi;
                        outIm[idx] = ar * bi + ai * br;
                    }
                }
            }
        }
        return new ComplexMatrix(r, c, outRe, outIm);
    }

    /** Real part of the trace. */
    public double traceRe() {
        requireSquare();
        double t = 0;
        for (int i = 0; i < rows; i++) {
            t += re[i * cols + i];
        }
        return t;
    }

    /** Imaginary part of the trace. */
    public double traceIm() {
        requireSquare();
        double t = 0;
        for (int i = 0; i < rows; i++) {
            t += im[i * cols + i];
        }
        return t;
    }

    /** Re Tr[this * other] without forming the product (e.g. the expectation Tr[rho A] of a Hermitian A). */
    public double traceOfProductRe(ComplexMatrix other) {
        if (cols != other.rows || rows != other.cols) {
            throw new IllegalArgumentException("shape mismatch for Tr[A B]");
        }
        double t = 0;
        for (int i = 0; i < rows; i++) {
            for (int l = 0; l < cols; l++) {
                t += re[i * cols + l] * other.re[l * other.cols + i] - im[i * cols + l] * other.im[l * other.cols + i];
            }
        }
        return t;
    }

    /** [this, other] = this other - other this. */
    public ComplexMatrix commutator(ComplexMatrix other) {
        return times(other).minus(other.times(this));
    }

    public ComplexMatrix transpose() {
        double[] r = new double[rows * cols];
        double[] m = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                r[j * rows + i] = re[i * cols + j];
                m[j * rows + i] = im[i * cols + j];
            }
        }
        return new ComplexMatrix(cols, rows, r, m);
    }

    /** Largest |this_ij - other_ij|. */
    public double distance(ComplexMatrix other) {
        return minus(other).maxAbs();
    }

    private void requireSquare() {
        if (rows != cols) {
            throw new IllegalArgumentException("trace of a non-square " + rows + "x" + cols + " matrix");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComplexMatrix other && rows == other.rows && cols == other.cols
                && Arrays.equals(re, other.re) && Arrays.equals(im, other.im);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(re) + 7 * Arrays.hashCode(im);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            sb.append(i == 0 ? "[" : " ");
            for (int j = 0; j < cols; j++) {
                sb.append(String.format("%s%.6g%+.6gi", j == 0 ? "" : ", ", re(i, j), im(i, j)));
            }
            sb.append(i == rows - 1 ? "]" : "\n");
        }
        return sb.toString();
    }
}
