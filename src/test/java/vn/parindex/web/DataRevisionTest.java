package vn.parindex.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DataRevisionTest {

    final AtomicLong database = new AtomicLong(7);
    final AtomicLong queries = new AtomicLong();

    DataRevision revision(Duration interval) {
        return new DataRevision(() -> {
            queries.incrementAndGet();
            return database.get();
        }, interval);
    }

    @Test
    void aRecentReadingIsTrustedForTheInterval() {
        DataRevision revision = revision(Duration.ofMinutes(1));
        assertThat(revision.current()).isEqualTo(7);
        database.set(8); // written elsewhere
        assertThat(revision.current()).isEqualTo(7);
        assertThat(queries.get()).isEqualTo(1);
    }

    @Test
    void withoutAnIntervalEveryReadingGoesToTheDatabase() {
        DataRevision revision = revision(Duration.ZERO);
        revision.current();
        database.set(8);
        assertThat(revision.current()).isEqualTo(8);
        assertThat(queries.get()).isEqualTo(2);
    }

    @Test
    void whileAWriteIsUnderWayAndAfterItEndsTheDatabaseIsAsked() {
        DataRevision revision = revision(Duration.ofMinutes(1));
        revision.current();
        revision.writeStarted();
        database.set(8);
        assertThat(revision.current()).isEqualTo(8);
        database.set(9);
        assertThat(revision.current()).as("still writing").isEqualTo(9);
        revision.writeEnded();
        database.set(10);
        assertThat(revision.current()).as("first reading after the write").isEqualTo(10);
        database.set(11);
        assertThat(revision.current()).as("trusted again").isEqualTo(10);
    }

    @Test
    void aReadingThatRacedAWriteIsNotKept() {
        AtomicLong calls = new AtomicLong();
        DataRevision[] holder = new DataRevision[1];
        holder[0] = new DataRevision(() -> {
            if (calls.incrementAndGet() == 1) {
                // a write starts and ends while the first reading is on its way
                holder[0].writeStarted();
                holder[0].writeEnded();
                return 7;
            }
            return 8;
        }, Duration.ofMinutes(1));
        assertThat(holder[0].current()).isEqualTo(7);
        assertThat(holder[0].current()).as("the raced reading was not trusted").isEqualTo(8);
    }
}
