package vn.parindex.dossier;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.parindex.evidence.EvidenceService;
import vn.parindex.organisation.BodyWordings;
import vn.parindex.dossier.DossierService.CriterionDossier;
import vn.parindex.dossier.DossierService.File;
import vn.parindex.dossier.DossierService.Item;

/**
 * The whole dossier as one .zip, ready for the province's scoring software: at its root the index workbook
 * ({@code muc-luc.xlsx}, {@link DossierIndex}) and the documents the dossier is sent with (every
 * {@link DossierAttachment}: the self-assessment report, the appendix), then a folder per criterion code holding its
 * documents, named by the item they answer ({@code 1.1/01-ke-hoach.pdf}); a criterion with no document has no folder.
 * Every name extracts on Windows as it is ({@link ArchiveNames}; UTF-8 names, flagged as such). The attachments are
 * made before the first byte is sent (an error is an error page, not a cut archive); the documents are streamed from
 * the database slice by slice: never whole in memory.
 */
@Component
class DossierArchive {

    static final String INDEX = "muc-luc.xlsx";

    private final EvidenceService evidence;
    private final ObjectProvider<DossierAttachment> attachments;
    private final BodyWordings bodies;

    DossierArchive(EvidenceService evidence, ObjectProvider<DossierAttachment> attachments, BodyWordings bodies) {
        this.evidence = evidence;
        this.attachments = attachments;
        this.bodies = bodies;
    }

    /** A file at the root made in memory. */
    private record Attached(String path, ByteArrayOutputStream content) {
    }

    /** A document's file and its path in the archive. */
    private record Stored(String path, File file) {
    }

    void write(DossierService.Overview overview, OutputStream out) throws IOException {
        ArchiveNames names = new ArchiveNames();
        names.file("", INDEX);
        List<Attached> attached = new ArrayList<>();
        List<DossierAttachment> sorted = attachments.stream()
                .sorted(Comparator.comparingInt(DossierAttachment::order)).toList();
        for (DossierAttachment attachment : sorted) {
            ByteArrayOutputStream content = new ByteArrayOutputStream(64 * 1024);
            attachment.write(overview, content);
            attached.add(new Attached(names.file("", attachment.fileName(overview)), content));
        }
        List<DossierIndex.Line> lines = new ArrayList<>();
        List<Stored> stored = new ArrayList<>();
        for (CriterionDossier d : overview.criteria()) {
            boolean anyFile = !d.otherFiles().isEmpty() || d.items().stream().anyMatch(Item::hasDocument);
            String folder = anyFile ? names.folder(d.criterion().code()) : null;
            for (Item item : d.items()) {
                if (item.files().isEmpty()) {
                    lines.add(new DossierIndex.Line(d, item.name(), item.note(), null, null));
                }
                for (File f : item.files()) {
                    String path = names.file(folder, String.format(Locale.ROOT, "%02d-%s", item.position(),
                            f.fileName()));
                    stored.add(new Stored(path, f));
                    lines.add(new DossierIndex.Line(d, item.name(), item.note(), path, f));
                }
            }
            for (File f : d.otherFiles()) {
                String path = names.file(folder, f.fileName());
                stored.add(new Stored(path, f));
                lines.add(new DossierIndex.Line(d, DossierIndex.UNLISTED, "", path, f));
            }
        }
        ByteArrayOutputStream index = new ByteArrayOutputStream(64 * 1024);
        DossierIndex.write(overview, bodies.current(), lines, index);

        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        put(zip, INDEX, index);
        for (Attached a : attached) {
            put(zip, a.path(), a.content());
        }
        for (Stored s : stored) {
            copy(zip, s.path(), s.file());
        }
        zip.finish();
        zip.flush();
    }

    private static void put(ZipOutputStream zip, String path, ByteArrayOutputStream content) throws IOException {
        zip.putNextEntry(new ZipEntry(path));
        content.writeTo(zip);
        zip.closeEntry();
    }

    private void copy(ZipOutputStream zip, String path, File f) throws IOException {
        zip.putNextEntry(new ZipEntry(path));
        // the archive stays open between documents
        evidence.copyContent(f.id(), f.sizeBytes(), new FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        });
        zip.closeEntry();
    }
}
