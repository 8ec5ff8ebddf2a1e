package com.verdict.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.verdict.TestData;
import com.verdict.VerdictTest;
import com.verdict.judging.JudgingService;
import com.verdict.people.Person;
import com.verdict.people.Role;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;

/** Hard text survives import, judging and export unchanged, byte for byte, over real HTTP. */
@VerdictTest
class ExportRoundTripTests {

    static final String INSTRUCTION = "  Translate \"quoted\" C:\\path\\to\\file\tand keep leading/trailing spaces  ";
    static final String CONTEXT = "Emoji 😀👩‍💻🏳️‍🌈, CJK 漢字かなカナ한국어, RTL مرحبا بالعالم שלום עולם,\r\n"
            + "line\u2028separator\u2029paragraph\u0085next line, lone\rCR, LF\nand \\\"escaped\\\" \\u0041 text";
    static final String RESPONSE = "\t Tabs,\r\n CRLF, \"quotes\", back\\slashes\\\\, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and \u200Fmarks\u200E  ";

    @Autowired
    TestData data;
    @Autowired
    JudgingService judging;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    Person engineer;

    @BeforeEach
    void setUp() {
        data.clearCatalog();
        engineer = data.user("round-trip", null, Role.ENGINEER);
    }

    @Test
    void hardTextComesOutExactlyAsItWentIn() throws Exception {
        ObjectNode line = json.createObjectNode();
        line.put("id", "hard-1");
        line.put("instruction", INSTRUCTION);
        line.put("context", CONTEXT);
        line.put("category", "closed_qa");
        line.putArray("responses").add(json.createObjectNode().put("text", RESPONSE).put("source", "model-ü"))
                .add(json.createObjectNode().put("text", "plain").put("source", "model-b"));
        ResponseEntity<String> imported = http.withBasicAuth(engineer.username(), TestData.PASSWORD).exchange(
                RequestEntity.post(URI.create("/api/interactions")).contentType(MediaType.parseMediaType("application/x-ndjson"))
                        .body((line + "\n").getBytes(StandardCharsets.UTF_8)), String.class);
        assertThat(imported.getStatusCode().value()).as(imported.getBody()).isEqualTo(200);
        Verdicts.play(judging, List.of(data.user("hard-judge"), data.user("hard-judge"), data.user("hard-judge")),
                Map.of("hard-1", List.of("low", "low", "low")));

        byte[] dolly = download("/api/export/dolly.jsonl");
        String text = new String(dolly, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n");
        assertThat(text.lines()).hasSize(1);
        assertThat(text.substring(0, text.length() - 1)).doesNotContain("\n", "\r", "\u2028", "\u2029", "\u0085");
        JsonNode record = json.readTree(text);
        assertThat(record.get("instruction").textValue()).isEqualTo(INSTRUCTION);
        assertThat(record.get("context").textValue()).isEqualTo(CONTEXT);
        assertThat(record.get("response").textValue()).isEqualTo(RESPONSE);
        assertThat(record.get("response").textValue().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(RESPONSE.getBytes(StandardCharsets.UTF_8));
        assertThat(record.get("category").textValue()).isEqualTo("closed_qa");

        JsonNode preference = json.readTree(new String(download("/api/export/preferences.jsonl"), StandardCharsets.UTF_8));
        assertThat(preference.get("chosen").textValue()).isEqualTo(RESPONSE);
        assertThat(preference.get("chosen_source").textValue()).isEqualTo("model-ü");
        assertThat(preference.get("context").textValue()).isEqualTo(CONTEXT);
    }

    private byte[] download(String path) throws Exception {
        return StreamedDownloads.download(http, path, engineer);
    }
}
