package vn.parindex.index;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import vn.parindex.criteria.ReviewPermissions;
import vn.parindex.organisation.BodyLevel;
import vn.parindex.security.CurrentUser;
import vn.parindex.web.Attachment;

/**
 * The results of a level's year as the decision's appendix (Word or Excel), the same file from the API and from the
 * province's page: everyone's once published, before that the province's only (403).
 */
@Component
class IndexDownloads {

    private final IndexService indexes;
    private final IndexResults results;
    private final IndexDocuments documents;

    IndexDownloads(IndexService indexes, IndexResults results, IndexDocuments documents) {
        this.indexes = indexes;
        this.results = results;
        this.documents = documents;
    }

    /** The bodies with a cycle of the year, by rank, for a reader allowed to read them all. */
    List<IndexResults.Row> appendixRows(CurrentUser user, IndexYear index) {
        ReviewPermissions.require(index.getStatus() == IndexStatus.PUBLISHED || user.isProvince());
        return results.ranked(index).stream().filter(r -> r.figures() != null).toList();
    }

    /** The appendix as Word ({@code word}) or Excel, named by year and level. */
    ResponseEntity<byte[]> appendix(CurrentUser user, int year, BodyLevel level, boolean word) throws IOException {
        IndexYear index = indexes.find(year, level);
        List<IndexResults.Row> rows = appendixRows(user, index);
        var out = new ByteArrayOutputStream();
        if (word) {
            documents.docx(index, rows, out);
        } else {
            documents.xlsx(index, rows, out);
        }
        String name = (word ? "phu-luc-ket-qua-chi-so-" : "ket-qua-chi-so-") + year + "-"
                + index.getLevel().name().toLowerCase(Locale.ROOT) + (word ? ".docx" : ".xlsx");
        return Attachment.of(out.toByteArray(), MediaType.parseMediaType(word ? Attachment.DOCX : Attachment.XLSX),
                name);
    }
}
