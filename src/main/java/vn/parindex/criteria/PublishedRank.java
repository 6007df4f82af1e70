package vn.parindex.criteria;

/**
 * A body's rank among the bodies of its level as the province published it ({@code index}'s result, read with the
 * cycle): the rank, how many bodies were ranked, the band (null when none).
 */
public record PublishedRank(int rank, int of, String band) {

    /** From the cycle's "rank|ranked|band"; null for none or a text that is not one. */
    public static PublishedRank of(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split("\\|", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            return new PublishedRank(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                    parts[2].isEmpty() ? null : parts[2]);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
