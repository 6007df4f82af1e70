package vn.parindex.dossier;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A document the dossier's .zip carries at its root beside the criteria's documents and {@code muc-luc.xlsx}: the
 * self-assessment report, the appendix of scores. The modules that make them implement it as a bean (they depend on
 * {@code dossier}, not the other way round); {@link DossierArchive} writes every one, by {@link #order()}.
 */
public interface DossierAttachment {

    /** Where the document stands among the attachments: lower first. */
    int order();

    /** The file's name, e.g. {@code bao-cao-tu-danh-gia-2023.docx} (the archive makes it safe to extract). */
    String fileName(DossierService.Overview dossier);

    /** Writes the document for the dossier's year to {@code out}, leaving it open. */
    void write(DossierService.Overview dossier, OutputStream out) throws IOException;
}
