package vn.parindex.dossier;

/**
 * The index workbook's layout ({@code muc-luc.xlsx}) for tests outside this package (the evidence details test in
 * {@code assessment}): {@link DossierIndex} itself stays package-private, no other module needs it.
 */
public final class DossierIndexColumns {

    public static final int HEADER_ROW = DossierIndex.HEADER_ROW;
    public static final int NUMBER = DossierIndex.NUMBER;
    public static final int ISSUED = DossierIndex.ISSUED;
    public static final int SUMMARY = DossierIndex.SUMMARY;

    private DossierIndexColumns() {
    }
}
