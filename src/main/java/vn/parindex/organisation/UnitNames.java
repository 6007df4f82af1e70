package vn.parindex.organisation;

import java.text.Normalizer;
import java.util.Locale;

/** Compares unit names as people print them: case, spacing and dash style do not matter. */
public final class UnitNames {

    private UnitNames() {
    }

    public static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String text = Normalizer.normalize(name, Normalizer.Form.NFC)
                .replace('\u2013', '-').replace('\u2014', '-').replace('\u2212', '-')
                .toLowerCase(Locale.ROOT);
        return text.replaceAll("\\s*-\\s*", "-").replaceAll("\\s+", " ").trim();
    }
}
