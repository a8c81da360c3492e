package io.coherent.core.heom;

import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.open.DensityMatrixElement;
import io.coherent.core.open.DensityMatrixElement.Part;
import io.coherent.core.open.Operators;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The QuTiP 4.7 HEOMSolver fixtures of fixtures/heom (each made by the script beside it): rows of named numbers,
 * and what the tests need to read the hierarchy's state in the same form.
 */
final class HeomFixtures {

    /** The product's bath expansions (the same code path as method = heom). */
    static final CorrelationSource BATH = CorrelationSource.BATH_CORRELATIONS;

    private HeomFixtures() {
    }

    /** One CSV row: column name to value. */
    record Row(Map<String, Double> values) {
        double get(String column) {
            Double v = values.get(column);
            if (v == null) {
                throw new IllegalArgumentException("no column " + column + " in " + values.keySet());
            }
            return v;
        }

        int integer(String column) {
            return (int) Math.round(get(column));
        }

        /** The density matrix written as re00, im00, re01, ... */
        ComplexMatrix densityMatrix(int d) {
            double[] re = new double[d * d];
            double[] im = new double[d * d];
            for (int m = 0; m < d; m++) {
                for (int n = 0; n < d; n++) {
                    re[m * d + n] = get("re" + m + n);
                    im[m * d + n] = get("im" + m + n);
                }
            }
            return ComplexMatrix.of(d, d, re, im);
        }
    }

    static List<Row> read(String name) {
        List<Row> rows = new ArrayList<>();
        try (var in = HeomFixtures.class.getResourceAsStream("/fixtures/heom/" + name);
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String[] header = reader.readLine().split(",");
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] parts = line.split(",");
                Map<String, Double> row = new LinkedHashMap<>();
                for (int i = 0; i < parts.length; i++) {
                    row.put(header[i], Double.parseDouble(parts[i]));
                }
                rows.add(new Row(row));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Named elements re_mn, im_mn of the bare-basis density matrix, so that a steady state reports all of it. */
    static List<DensityMatrixElement> allElements(int d) {
        List<DensityMatrixElement> out = new ArrayList<>();
        for (int m = 0; m < d; m++) {
            for (int n = 0; n < d; n++) {
                out.add(new DensityMatrixElement("re_" + m + n, Operators.basisKet(d, m), Operators.basisKet(d, n), Part.REAL));
                out.add(new DensityMatrixElement("im_" + m + n, Operators.basisKet(d, m), Operators.basisKet(d, n), Part.IMAGINARY));
            }
        }
        return out;
    }
}
