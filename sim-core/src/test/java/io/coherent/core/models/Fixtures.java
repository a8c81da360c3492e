package io.coherent.core.models;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the numeric CSV fixtures of fixtures/master (one header line, comma-separated doubles). */
final class Fixtures {

    private Fixtures() {
    }

    static List<double[]> read(String name) {
        List<double[]> rows = new ArrayList<>();
        try (var in = Fixtures.class.getResourceAsStream("/fixtures/master/" + name);
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] parts = line.split(",");
                double[] row = new double[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    row[i] = "nan".equals(parts[i]) ? Double.NaN : Double.parseDouble(parts[i]); // numpy writes nan
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
