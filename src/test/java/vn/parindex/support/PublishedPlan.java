package vn.parindex.support;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The published Tân Yên appendix read straight from the CSV, independently of the application's importer, so
 * tests compare what the application serves with the figures as printed.
 */
public final class PublishedPlan {

    /** One printed row. */
    public record Row(String code, String name, BigDecimal max, BigDecimal baseline, BigDecimal target,
            int printedChange, String lead, String weakness) {

        public boolean isDomain() {
            return !code.contains(".") && !code.equals("TOTAL");
        }

        public String domain() {
            return code.split("\\.")[0];
        }
    }

    public static final String RESOURCE = "/seed/tan-yen-par-index-2022-2023.csv";

    private PublishedPlan() {
    }

    public static String text() {
        try (InputStream in = PublishedPlan.class.getResourceAsStream(RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        List<String> lines = text().lines().toList();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = split(line);
            rows.add(new Row(f.get(0), f.get(1), number(f.get(2)), number(f.get(3)), number(f.get(4)),
                    Integer.parseInt(f.get(5).replace(" ", "").replace("+", "")), f.get(6), f.get(7)));
        }
        return rows;
    }

    private static BigDecimal number(String printed) {
        return new BigDecimal(printed.replace(',', '.'));
    }

    /** Splits one CSV line (this file has no line breaks inside quotes). */
    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
