package io.coherent.core.models;

import io.coherent.core.linalg.ComplexMatrix;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the QuTiP master-equation fixtures (src/test/resources/fixtures/master, made by
 * make_master_fixtures.py there): one row per line, columns named by the header; density matrices on the
 * bare basis |ee>, |eg>, |ge>, |gg> in columns re00, im00, re01, ...
 */
final class MasterFixtures {

    private MasterFixtures() {
    }

    static List<Map<String, String>> read(String file) {
        var stream = Objects.requireNonNull(MasterFixtures.class.getResourceAsStream("/fixtures/master/" + file), file);
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String[] header = reader.readLine().split(",");
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cells = line.split(",");
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], cells[i]);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double number(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column));
    }

    static ComplexMatrix densityMatrix(Map<String, String> row) {
        double[][] re = new double[4][4];
        double[][] im = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                re[i][j] = number(row, "re" + i + j);
                im[i][j] = number(row, "im" + i + j);
            }
        }
        return ComplexMatrix.fromParts(re, im);
    }

    /** &lt;u|rho|v&gt; for column vectors u, v, as {re, im}. */
    static double[] element(ComplexMatrix u, ComplexMatrix rho, ComplexMatrix v) {
        ComplexMatrix e = u.conjugateTranspose().times(rho).times(v);
        return new double[] {e.re(0, 0), e.im(0, 0)};
    }

    /** Tr[rho A] (real part; A Hermitian). */
    static double expectation(ComplexMatrix rho, ComplexMatrix a) {
        ComplexMatrix p = rho.times(a);
        double sum = 0;
        for (int i = 0; i < p.rows(); i++) {
            sum += p.re(i, i);
        }
        return sum;
    }

    static double maxDifference(ComplexMatrix a, ComplexMatrix b) {
        double worst = 0;
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                worst = Math.max(worst, Math.hypot(a.re(i, j) - b.re(i, j), a.im(i, j) - b.im(i, j)));
            }
        }
        return worst;
    }
}
