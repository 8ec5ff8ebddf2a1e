package com.verdict.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.verdict.TestData;
import com.verdict.people.Person;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;

/**
 * Exports over real HTTP: the file as the client receives it, streamed by the server. With the JDK's client rather
 * than the test template's Reactor Netty one, which now and then fails to parse a streamed response's headers
 * ("empty headers are not allowed").
 */
final class StreamedDownloads {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private StreamedDownloads() {
    }

    /** The body of a GET of {@code url} on the test's server, signed in as {@code person}; it must answer 200. */
    static byte[] download(TestRestTemplate server, String url, Person person) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((person.username() + ":" + TestData.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getRootUri() + url))
                .header(HttpHeaders.AUTHORIZATION, "Basic " + credentials).GET().build();
        HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("status of " + url).isEqualTo(200);
        return response.body();
    }
}
