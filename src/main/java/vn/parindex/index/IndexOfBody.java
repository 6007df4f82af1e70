package vn.parindex.index;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.parindex.appraisal.ProvinceAppraises;
import vn.parindex.system.BodyScope;

/**
 * Where the province's index of the current body's level stands for a year (one statement, in the body's scope: its
 * own row of {@code body} and the province's rows of {@code index_year} are both visible there).
 */
@Component
class IndexOfBody implements ProvinceAppraises {

    private final JdbcClient jdbc;

    IndexOfBody(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public State of(int year) {
        Long body = BodyScope.body();
        if (body == null) {
            return State.NONE;
        }
        return jdbc.sql("select i.status from index_year i join body b on b.level = i.level where b.id = ?"
                + " and i.year = ?").params(body, year).query(String.class).optional()
                .map(status -> switch (IndexStatus.valueOf(status)) {
                    case DRAFT -> State.NONE;
                    case OPEN -> State.OPEN;
                    case PUBLISHED -> State.PUBLISHED;
                }).orElse(State.NONE);
    }
}
