package com.verdict.export;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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

    Person early;
    Person late;

    @BeforeEach
    void setUp() {
        data.clearCatalog();
        data.interactions("snap", 5);
        early = data.user("early");
        late = data.user("late");
        Verdicts.play(judging, List.of(early), Map.of("snap-0", List.of("low"), "snap-1", List.of("low"),
                "snap-2", List.of("low"), "snap-3", List.of("low")));
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

        // snap-0 was written as decided, snap-4 was decided after the export began: a state that never existed.
        assertThat(file.lines()).hasSize(5).anyMatch(line -> line.contains("snap-4"));
    }

    /** Writes Dolly a record a page; after the first page, another judge decides snap-4 and overturns snap-0. */
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
                            Map.of("snap-4", List.of("low"), "snap-0", List.of("high")))).orTimeout(20, TimeUnit.SECONDS).join();
                }
            }
        };
        writer.write(ExportFormat.DOLLY, ExportFilter.none(), out, n -> { }, 1);
        assertThat(judged[0]).isTrue();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
