package com.verdict.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.verdict.TestData;
import com.verdict.VerdictTest;
import com.verdict.judging.JudgingService;
import com.verdict.people.Person;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A judgment recorded while a file is being written does not tear it: the file shows the database as it was. */
@VerdictTest
class ExportSnapshotTests {

    @Autowired
    TestData data;
    @Autowired
    JudgingService judging;
    @Autowired
    DatasetWriter writer;
    @Autowired
    ExportSnapshot snapshot;
    @Autowired
    ExportService exports;

    Person late;

    @BeforeEach
    void setUp() {
        data.clearCatalog();
        data.interactions("snap", 5);
        late = data.user("late");
        // Three judges settle snap-0 to snap-3; snap-4 waits for its third judgment, which comes mid-export.
        List<String> all = List.of("low", "low", "low");
        Verdicts.play(judging, List.of(data.user("early"), data.user("early"), data.user("early")),
                Map.of("snap-0", all, "snap-1", all, "snap-2", all, "snap-3", all, "snap-4", List.of("low", "low")));
    }

    @Test
    void aJudgmentArrivingMidExportIsNotInTheFile() throws Exception {
        String file = snapshot.read(() -> writeWhileJudging());

        assertThat(file.lines()).hasSize(4).noneMatch(line -> line.contains("snap-4"));
        assertThat(file).contains("Answer 0 to snap-0");
    }

    @Test
    void withoutTheSnapshotTheSameExportWouldTear() throws Exception {
        String file = writeWhileJudging();

        // snap-4 was decided after the export began and still made it into the file: not one state of the data.
        assertThat(file.lines()).hasSize(5).anyMatch(line -> line.contains("snap-4"));
    }

    @Test
    void aPreviewNoLongerWantedStopsAndTheNextReadsAsBefore() throws Exception {
        assertThatThrownBy(() -> exports.preview(ExportFormat.DOLLY, ExportFilter.none(), 5, () -> false))
                .isInstanceOf(CancellationException.class);

        assertThat(exports.preview(ExportFormat.DOLLY, ExportFilter.none(), 5, () -> true).records()).isEqualTo(4);
    }

    /** A selective filter can read many pages between two records: each page read is a chance to stop. */
    @Test
    void aFileNoLongerWantedStopsReadingWithinAPageThatGaveNoRecords() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        DatasetWriter.Pages unwanted = new DatasetWriter.Pages() {
            @Override
            public void accept(List<ExportRecord> page) {
                throw new AssertionError("no record is a brainstorming one");
            }

            @Override
            public void stillWanted() {
                asked.incrementAndGet();
                throw new CancellationException("no longer wanted");
            }
        };
        ExportFilter brainstorming = ExportFilter.parse(ExportFormat.DOLLY, Map.of("category", List.of("brainstorming")));

        assertThatThrownBy(() -> writer.read(ExportFormat.DOLLY, brainstorming, 1, unwanted))
                .isInstanceOf(CancellationException.class);
        assertThat(asked).as("stopped after the first of four pages").hasValue(1);
        ExportFilter deduped = ExportFilter.parse(ExportFormat.DOLLY, Map.of("dedupe", List.of("instruction")));
        assertThatThrownBy(() -> writer.read(ExportFormat.DOLLY, deduped, 1, unwanted))
                .as("and in the first pass of a dedupe").isInstanceOf(CancellationException.class);
        assertThat(asked).hasValue(2);
    }

    /** Writes Dolly a record a page; after the first page, another judge's judgment settles snap-4. */
    private String writeWhileJudging() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean[] judged = {false};
        OutputStream out = new FilterOutputStream(bytes) {
            @Override
            public void flush() throws IOException {
                super.flush();
                if (!judged[0]) {
                    judged[0] = true;
                    CompletableFuture.runAsync(() -> Verdicts.play(judging, List.of(late),
                            Map.of("snap-4", List.of("low")))).orTimeout(20, TimeUnit.SECONDS).join();
                }
            }
        };
        writer.write(ExportFormat.DOLLY, ExportFilter.none(), out, n -> { }, 1);
        assertThat(judged[0]).isTrue();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
