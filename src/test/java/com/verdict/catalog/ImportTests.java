package com.verdict.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.verdict.TestData;
import com.verdict.VerdictTest;
import com.verdict.judging.Deal;
import com.verdict.judging.JudgingService;
import com.verdict.judging.Verdict;
import com.verdict.people.Person;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@VerdictTest
class ImportTests {

    @Autowired
    CatalogService catalog;
    @Autowired
    JudgingService judging;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void cleanCatalog() {
        data.clearCatalog();
    }

    @Test
    void importsInteractionsWithCandidatesPairsAndPoolSlots() {
        ImportResult result = importJsonl(TestData.interactionLine("a", 3) + "\n" + TestData.interactionLine("b", 2));

        assertThat(result.imported()).isEqualTo(2);
        assertThat(data.count("interaction")).isEqualTo(2);
        assertThat(data.count("candidate")).isEqualTo(5);
        assertThat(data.count("pair")).isEqualTo(4);
        assertThat(data.count("pair_pool")).isEqualTo(4);
    }

    @Test
    void contextMayBeAbsentOrEmptyAndTextMayBeEmptyAndSourceDefaultsToUnknown() {
        importJsonl("""
                {"id": "x", "instruction": "Say hi", "category": "brainstorming", "responses": [{"text": ""}, {"text": "hi"}]}""");

        assertThat(jdbc.queryForObject("select context from interaction", String.class)).isEmpty();
        assertThat(jdbc.queryForList("select text from candidate order by position", String.class))
                .containsExactly("", "hi");
        assertThat(jdbc.queryForList("select source from candidate", String.class)).containsOnly("unknown");
    }

    @Test
    void aDollyResponseBesideResponsesBecomesOneMoreCandidateFromTheReference() {
        importJsonl("""
                {"id": "d", "instruction": "Q", "context": "", "category": "closed_qa", "response": "The reference",
                 "responses": [{"text": "Model answer", "source": "m"}]}""".replace("\n", ""));

        assertThat(jdbc.queryForList("select source from candidate order by position", String.class))
                .containsExactly("m", "reference");
        assertThat(jdbc.queryForObject("select text from candidate where position = 1", String.class))
                .isEqualTo("The reference");
        assertThat(data.count("pair")).isEqualTo(1);
    }

    @Test
    void goldAndTagsAreStoredAndOnlyPairsHoldingTheBestAreGold() {
        importJsonl("""
                {"id": "g", "instruction": "Q", "category": "open_qa", "responses": [{"text": "a"}, {"text": "b"},
                 {"text": "c"}], "gold": {"best": 1, "why": "b is right"}, "tags": ["math", "easy", "math"]}"""
                .replace("\n", ""));

        assertThat(jdbc.queryForObject("select gold_best from interaction", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select gold_why from interaction", String.class)).isEqualTo("b is right");
        assertThat(jdbc.queryForList("select tag from interaction_tag order by tag", String.class))
                .containsExactly("easy", "math");
        assertThat(jdbc.queryForObject("select count(*) from pair_pool where gold = true", Long.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from pair_pool where gold = false and dealable = true",
                Long.class)).isEqualTo(1);
        long goldPair = jdbc.queryForObject("select min(pair_id) from pair_pool where gold = true", Long.class);
        PairContent pair = catalog.pair(goldPair).orElseThrow();
        assertThat(pair.goldBest()).isEqualTo(1);
        assertThat(pair.goldWhy()).isEqualTo("b is right");
    }

    @Test
    void anIdWithSpacesAroundItIsRefusedAsTwoIdsThatReadAsOne() {
        assertRejected(TestData.interactionLine("pad", 2).replace("\"id\": \"pad\"", "\"id\": \" pad \""),
                new ImportError(1, "id", "must not begin or end with spaces: ' pad '"));
    }

    @Test
    void invalidJsonNamesItsLine() {
        assertRejected(TestData.interactionLine("ok", 2) + "\n{\"id\": \"broken\"",
                new ImportError(2, "", "invalid JSON: the text ends before its JSON value is closed"));
    }

    @Test
    void invalidJsonIsWordedForWhoeverWroteTheFileNotForJacksonsUsers() {
        String line = TestData.interactionLine("ok", 2);
        assertRejected(line + " " + line, new ImportError(1, "",
                "invalid JSON: another JSON value follows the first (one object per request body or line) (column"));
        assertRejected("{\"id\": NaN}", new ImportError(1, "", "invalid JSON: Non-standard token 'NaN' (column"));
    }

    @Test
    void aPrettyPrintedJsonDocumentIsOneErrorThatSaysWhatTheImportTakes() {
        String document = "[\n  {\n    \"id\": \"a\",\n    \"instruction\": \"Q?\"\n  }\n]\n";
        assertRejected(document, new ImportError(1, "", "the file is one JSON document spread over several lines; "
                + "the import takes JSON Lines"));
    }

    @Test
    void aFileWrongAsAWholeIsRefusedEvenWhenInvalidLinesAreToBeSkipped() {
        String document = "[\n" + TestData.interactionLine("inside", 2) + "\n]\n";

        ImportRejected rejected = catchThrowableOfType(ImportRejected.class,
                () -> catalog.importJsonl(stream(document), ImportMode.SKIP_INVALID));

        assertThat(rejected.errors()).singleElement().satisfies(error -> assertThat(error.message())
                .startsWith("the file is one JSON document"));
        assertThat(data.count("interaction")).isZero();
    }

    @Test
    void aUtf16FileIsOneErrorThatSaysToSaveItAsUtf8() {
        byte[] utf16 = (TestData.interactionLine("wide", 2) + "\r\n" + TestData.interactionLine("wider", 2))
                .getBytes(StandardCharsets.UTF_16LE);
        byte[] file = new byte[utf16.length + 2];
        file[0] = (byte) 0xFF;
        file[1] = (byte) 0xFE;
        System.arraycopy(utf16, 0, file, 2, utf16.length);

        ImportRejected rejected = catchThrowableOfType(ImportRejected.class,
                () -> catalog.importJsonl(new ByteArrayInputStream(file), ImportMode.ALL_OR_NOTHING));

        assertThat(rejected.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(1);
            assertThat(error.message()).startsWith("the file is UTF-16").contains("save it as UTF-8");
        });
    }

    @Test
    void aUtf16FileWithoutAByteOrderMarkIsOneErrorInEitherMode() {
        for (var charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            byte[] file = (TestData.interactionLine("wide", 2) + "\n" + TestData.interactionLine("wider", 2))
                    .getBytes(charset);

            ImportRejected rejected = catchThrowableOfType(ImportRejected.class,
                    () -> catalog.importJsonl(new ByteArrayInputStream(file), ImportMode.SKIP_INVALID));

            assertThat(rejected.errors()).as(charset.name()).singleElement().satisfies(error -> {
                assertThat(error.line()).isEqualTo(1);
                assertThat(error.message()).startsWith("the file is UTF-16 (its first character is two bytes");
            });
        }
    }

    @Test
    void aLineThatIsNotAnObjectIsAnError() {
        assertRejected("[1, 2]", new ImportError(1, "", "must be a JSON object, not an array"));
    }

    @Test
    void missingFieldsAreNamed() {
        assertRejected("{\"responses\": [{\"text\": \"a\"}, {\"text\": \"b\"}]}",
                new ImportError(1, "id", "is required"),
                new ImportError(1, "instruction", "is required"),
                new ImportError(1, "category", "is required (one of open_qa, general_qa, classification, closed_qa, "
                        + "brainstorming, information_extraction, summarization, creative_writing)"));
        assertRejected("{\"id\": \"a\", \"instruction\": \"Q\", \"category\": \"open_qa\"}",
                new ImportError(1, "responses", "is required (an array of at least two responses)"));
    }

    @Test
    void wrongTypesAreNamedWithTheirPath() {
        assertRejected("""
                {"id": 7, "instruction": "Q", "context": false, "category": "open_qa", "responses": [{"text": 3},
                 "plain", {"text": "ok", "source": ""}]}""".replace("\n", ""),
                new ImportError(1, "id", "must be a string, not a number"),
                new ImportError(1, "context", "must be a string, not a boolean"),
                new ImportError(1, "responses[0].text", "must be a string, not a number"),
                new ImportError(1, "responses[1]", "must be an object with \"text\", not a string"),
                new ImportError(1, "responses[2].source", "must not be blank"));
        assertRejected(line("\"responses\": {\"text\": \"a\"}"),
                new ImportError(1, "responses", "must be an array, not an object"));
        assertRejected(line("\"instruction\": \"  \""), new ImportError(1, "instruction", "must not be blank"));
    }

    @Test
    void anUnknownCategoryListsTheEight() {
        assertRejected(line("\"category\": \"poetry\""), new ImportError(1, "category", "unknown category 'poetry' "
                + "(one of open_qa, general_qa, classification, closed_qa, brainstorming, information_extraction, "
                + "summarization, creative_writing)"));
    }

    @Test
    void fewerThanTwoResponsesOrTooManyAreErrors() {
        assertRejected(line("\"responses\": [{\"text\": \"alone\"}]"),
                new ImportError(1, "responses", "has 1 response; at least two are needed to compare"));
        String eleven = IntStream.range(0, 11).mapToObj(i -> "{\"text\": \"" + i + "\"}")
                .collect(Collectors.joining(", "));
        assertRejected(line("\"responses\": [" + eleven + "]"),
                new ImportError(1, "responses", "has 11 responses; at most 10 are allowed"));
    }

    @Test
    void unknownKeysAreErrorsAtEveryLevel() {
        assertRejected(line("\"responses\": [{\"text\": \"a\", \"model\": \"m\"}, {\"text\": \"b\"}],"
                        + " \"respones\": [], \"gold\": {\"best\": 0, \"reason\": \"x\"}"),
                new ImportError(1, "respones", "unknown field (allowed: category, context, gold, id, instruction, "
                        + "response, responses, tags)"),
                new ImportError(1, "responses[0].model", "unknown field (allowed: source, text)"),
                new ImportError(1, "gold.reason", "unknown field (allowed: best, why)"));
    }

    @Test
    void goldMustPointAtAResponse() {
        assertRejected(line("\"gold\": {\"best\": 2}"),
                new ImportError(1, "gold.best", "is 2; must be the index of a response, a whole number from 0 to 1"));
        assertRejected(line("\"gold\": {\"best\": 1.0}"),
                new ImportError(1, "gold.best", "is 1.0; must be the index of a response, a whole number from 0 to 1"));
        assertRejected(line("\"gold\": {\"best\": 99999999999999999999}"),
                new ImportError(1, "gold.best", "is 99999999999999999999; must be the index of a response"));
        assertRejected(line("\"gold\": {\"best\": \"0\"}"),
                new ImportError(1, "gold.best", "must be a whole number, not a string"));
        assertRejected(line("\"gold\": {\"why\": \"because\"}"),
                new ImportError(1, "gold.best", "is required (the index of the better response)"));
        assertRejected(line("\"gold\": 1"),
                new ImportError(1, "gold", "must be an object {\"best\": index, \"why\"?: text}, not a number"));
    }

    @Test
    void tagsMustBeStrings() {
        assertRejected(line("\"tags\": [\"ok\", 3, \" \"]"),
                new ImportError(1, "tags[1]", "must be a string, not a number"),
                new ImportError(1, "tags[2]", "must not be blank"));
        assertRejected(line("\"tags\": \"one\""), new ImportError(1, "tags", "must be an array of strings, not a string"));
    }

    @Test
    void textsOverTheLimitAreNamedWithTheirLength() {
        String longText = "x".repeat(20_001);
        assertRejected(line("\"responses\": [{\"text\": \"a\"}, {\"text\": \"" + longText + "\"}]"),
                new ImportError(1, "responses[1].text", "is 20001 characters long; at most 20000 are allowed"));
    }

    @Test
    void theNulCharacterThatPostgresCannotStoreIsNamedWithItsField() {
        String nul = "a\\u0000b";
        assertRejected(line("\"responses\": [{\"text\": \"a\"}, {\"text\": \"" + nul + "\"}]"),
                new ImportError(1, "responses[1].text", "must not contain the NUL character (\\u0000)"));
        assertRejected(line("\"tags\": [\"" + nul + "\"]"),
                new ImportError(1, "tags[0]", "must not contain the NUL character (\\u0000)"));
    }

    @Test
    void duplicateIdsInTheFileNameTheFirstLine() {
        assertRejected(TestData.interactionLine("same", 2) + "\n\n" + TestData.interactionLine("same", 2),
                new ImportError(3, "id", "duplicate id 'same' (first used on line 1)"));
    }

    @Test
    void invalidUtf8IsReportedOnItsLineAndTheNextLinesAreStillChecked() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write((TestData.interactionLine("good", 2) + "\n").getBytes(StandardCharsets.UTF_8));
        file.write(new byte[] {'{', '"', 'i', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
        file.write(line("\"category\": \"nope\"").getBytes(StandardCharsets.UTF_8));

        ImportRejected rejected = catchThrowableOfType(ImportRejected.class, () -> catalog.importJsonl(
                new ByteArrayInputStream(file.toByteArray()), ImportMode.ALL_OR_NOTHING));

        assertThat(rejected.errors()).extracting(ImportError::line, ImportError::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "is not valid UTF-8"),
                        org.assertj.core.groups.Tuple.tuple(3L, "unknown category 'nope' (one of "
                                + Category.allKeys() + ")"));
        assertThat(data.count("interaction")).isZero();
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsAreAccepted() {
        importJsonl("\uFEFF" + TestData.interactionLine("bom", 2) + "\r\n" + TestData.interactionLine("crlf", 2) + "\r\n");

        assertThat(data.count("interaction")).isEqualTo(2);
    }

    @Test
    void aLineTooLongToBeValidIsRefusedWithoutReadingItAll() {
        String huge = "{\"id\": \"" + "y".repeat(3_000_000) + "\"}";
        ImportRejected rejected = catchThrowableOfType(ImportRejected.class,
                () -> importJsonl(huge + "\n" + TestData.interactionLine("after", 2)));

        assertThat(rejected.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.message()).startsWith("is 3000010 bytes long; no valid line is longer than");
        });
    }

    @Test
    void allOrNothingStoresNothingOfAFileWithOneBadLineEvenAfterManyBatches() {
        String good = IntStream.range(0, 1_200).mapToObj(i -> TestData.interactionLine("many-" + i, 3))
                .collect(Collectors.joining("\n"));
        data.interactions("before", 2);
        long interactions = data.count("interaction");
        long candidates = data.count("candidate");
        long pairs = data.count("pair");
        long pool = data.count("pair_pool");

        assertThatThrownBy(() -> importJsonl(good + "\n{\"id\": \"bad\"}"))
                .isInstanceOfSatisfying(ImportRejected.class, e -> {
                    assertThat(e.totalErrors()).isEqualTo(3);
                    assertThat(e.errors()).allSatisfy(error -> assertThat(error.line()).isEqualTo(1_201));
                });

        assertThat(data.count("interaction")).isEqualTo(interactions);
        assertThat(data.count("candidate")).isEqualTo(candidates);
        assertThat(data.count("pair")).isEqualTo(pairs);
        assertThat(data.count("pair_pool")).isEqualTo(pool);
        assertThat(data.count("interaction_tag")).isZero();
    }

    @Test
    void atMostOneHundredErrorsAreListedWithTheTotal() {
        String bad = IntStream.range(0, 150).mapToObj(i -> "nonsense " + i).collect(Collectors.joining("\n"));

        ImportRejected rejected = catchThrowableOfType(ImportRejected.class, () -> importJsonl(bad));

        assertThat(rejected.errors()).hasSize(100);
        assertThat(rejected.totalErrors()).isEqualTo(150);
        assertThat(rejected.getMessage()).isEqualTo("The file has 150 errors on 150 lines; nothing was imported");
    }

    @Test
    void skipInvalidImportsTheValidLinesAndReportsTheRest() {
        ImportResult result = catalog.importJsonl(stream(TestData.interactionLine("v1", 2) + "\nbroken\n"
                + TestData.interactionLine("v2", 2)), ImportMode.SKIP_INVALID);

        assertThat(result.imported()).isEqualTo(2);
        assertThat(result.skipped()).isEqualTo(1);
        assertThat(result.invalid()).isEqualTo(1);
        assertThat(result.unchanged()).isZero();
        assertThat(result.errors()).extracting(ImportError::line).containsExactly(2L);

        ImportResult again = catalog.importJsonl(stream(TestData.interactionLine("v1", 2) + "\nbroken"),
                ImportMode.SKIP_INVALID);
        assertThat(again.unchanged()).as("stored already as it is").isEqualTo(1);
        assertThat(again.invalid()).isEqualTo(1);
        assertThat(data.count("interaction")).isEqualTo(2);
    }

    @Test
    void reimportingTheSameFileSkipsEveryLine() {
        String file = TestData.interactionLine("same-1", 3) + "\n" + TestData.interactionLine("same-2", 2);
        importJsonl(file);
        long pairs = data.count("pair");

        ImportResult again = importJsonl(file);

        assertThat(again.imported()).isZero();
        assertThat(again.skipped()).isEqualTo(2);
        assertThat(data.count("interaction")).isEqualTo(2);
        assertThat(data.count("pair")).isEqualTo(pairs);
    }

    @Test
    void changedContentUnderAStoredIdIsAConflictNamingTheIdsAndStoresNothing() {
        importJsonl(TestData.interactionLine("c-1", 2) + "\n" + TestData.interactionLine("c-2", 2));
        String changed = TestData.interactionLine("c-1", 3) + "\n" + TestData.interactionLine("c-2", 2) + "\n"
                + TestData.interactionLine("c-new", 2);

        ImportConflict conflict = catchThrowableOfType(ImportConflict.class, () -> importJsonl(changed));

        assertThat(conflict.ids()).containsExactly("c-1 (line 1)");
        assertThat(conflict.total()).isEqualTo(1);
        assertThat(data.count("interaction")).isEqualTo(2);
        assertThat(data.count("candidate")).isEqualTo(4);
    }

    @Test
    void replaceSwapsAnUnjudgedInteractionForItsNewContent() {
        importJsonl(TestData.interactionLine("r-1", 2));

        ImportResult result = catalog.importJsonl(stream(TestData.interactionLine("r-1", 3)), ImportMode.ALL_OR_NOTHING,
                OnConflict.REPLACE);

        assertThat(result.replaced()).isEqualTo(1);
        assertThat(result.imported()).isZero();
        assertThat(data.count("interaction")).isEqualTo(1);
        assertThat(data.count("candidate")).isEqualTo(3);
        assertThat(data.count("pair_pool")).isEqualTo(3);
    }

    @Test
    void replaceRefusesAnInteractionThatHasJudgments() {
        importJsonl(TestData.interactionLine("j-1", 2) + "\n" + TestData.interactionLine("j-2", 2));
        Person judge = data.user("judge");
        Deal deal = judging.next(judge.id(), null).orElseThrow();
        judging.judge(judge.id(), deal.assignmentId(), Verdict.LEFT, null);
        String judgedId = deal.interactionId();

        ImportConflict conflict = catchThrowableOfType(ImportConflict.class, () -> catalog.importJsonl(
                stream(TestData.interactionLine("j-1", 3) + "\n" + TestData.interactionLine("j-2", 3)),
                ImportMode.ALL_OR_NOTHING, OnConflict.REPLACE));

        assertThat(conflict.judged()).containsExactly(judgedId);
        assertThat(conflict.changed()).isEmpty();
        assertThat(conflict.getMessage()).contains("cannot be replaced");
        assertThat(data.count("candidate")).isEqualTo(4);
    }

    @Test
    void withoutReplaceAJudgedIdIsNamedAsSuchAndOnlyTheOthersAreOfferedTheReplace() {
        importJsonl(TestData.interactionLine("k-1", 2) + "\n" + TestData.interactionLine("k-2", 2));
        Person judge = data.user("judge");
        Deal deal = judging.next(judge.id(), null).orElseThrow();
        judging.judge(judge.id(), deal.assignmentId(), Verdict.LEFT, null);
        String judgedId = deal.interactionId();
        String otherId = judgedId.equals("k-1") ? "k-2" : "k-1";

        ImportConflict conflict = catchThrowableOfType(ImportConflict.class, () -> importJsonl(
                TestData.interactionLine("k-1", 3) + "\n" + TestData.interactionLine("k-2", 3)));

        assertThat(conflict.judged()).containsExactly(judgedId);
        assertThat(conflict.changed()).containsExactly(otherId);
        assertThat(conflict.getMessage()).contains("on-conflict=replace to replace those not yet judged")
                .contains("already judged cannot be replaced");
    }

    @Test
    void importLinesAreCountedByResult() {
        double imported = lines("imported");
        double skipped = lines("skipped");
        double invalid = lines("invalid");

        importJsonl(TestData.interactionLine("m-1", 2));
        importJsonl(TestData.interactionLine("m-1", 2));
        catalog.importJsonl(stream("bad\n" + TestData.interactionLine("m-2", 2)), ImportMode.SKIP_INVALID);
        catchThrowableOfType(ImportRejected.class, () -> importJsonl("bad\n" + TestData.interactionLine("m-3", 2)));

        assertThat(lines("imported") - imported).isEqualTo(2);
        assertThat(lines("skipped") - skipped).isEqualTo(1);
        assertThat(lines("invalid") - invalid).isEqualTo(2);
    }

    private double lines(String result) {
        return meters.counter("verdict.import.lines", "result", result).count();
    }

    /** A valid line with one field replaced or added. */
    static String line(String field) {
        String key = field.substring(1, field.indexOf('"', 1));
        StringBuilder json = new StringBuilder("{");
        List<String> fields = List.of("\"id\": \"one\"", "\"instruction\": \"Q\"", "\"category\": \"open_qa\"",
                "\"responses\": [{\"text\": \"a\"}, {\"text\": \"b\"}]");
        for (String f : fields) {
            if (!f.startsWith("\"" + key + "\"")) {
                json.append(f).append(", ");
            }
        }
        return json.append(field).append("}").toString();
    }

    @Test
    void halfASurrogatePairIsRefusedNamingLineAndField() {
        // A JSON escape of half a pair is no character: PostgreSQL would store '?', and no UTF-8 export could write it.
        assertRejected(TestData.interactionLine("lone", 2).replace("Question", "Q \\ud800"),
                new ImportError(1, "instruction", "must be valid Unicode: character 3 is half of a surrogate pair"));
        assertRejected(TestData.interactionLine("lone", 2).replace("\"id\": \"lone\"", "\"id\": \"lone\\udc00\""),
                new ImportError(1, "id", "must be valid Unicode: character 5 is half of a surrogate pair"));
    }

    private void assertRejected(String jsonl, ImportError... expected) {
        long before = data.count("interaction");
        ThrowingCallable call = () -> importJsonl(jsonl);
        ImportRejected rejected = catchThrowableOfType(ImportRejected.class, call);
        assertThat(rejected).as("rejected").isNotNull();
        assertThat(rejected.errors()).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            ImportError actual = rejected.errors().get(i);
            assertThat(actual.line()).as("line of error " + i).isEqualTo(expected[i].line());
            assertThat(actual.field()).as("field of error " + i).isEqualTo(expected[i].field());
            assertThat(actual.message()).as("message of error " + i).startsWith(expected[i].message());
        }
        assertThat(data.count("interaction")).isEqualTo(before);
    }

    private ImportResult importJsonl(String jsonl) {
        return catalog.importJsonl(stream(jsonl), ImportMode.ALL_OR_NOTHING);
    }

    private static ByteArrayInputStream stream(String jsonl) {
        return new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8));
    }
}
