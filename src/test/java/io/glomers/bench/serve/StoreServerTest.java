package io.glomers.bench.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.run.BenchResult;
import io.glomers.bench.view.RunFiles;
import io.glomers.bench.view.SimulatedRuns;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web view over HTTP: what it lists, what it serves, and what it refuses. */
class StoreServerTest {

    @TempDir
    static Path store;

    static BenchResult older;
    static BenchResult newer;
    static StoreServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void twoRunsServed() throws IOException {
        older = SimulatedRuns.write(store, 1, "3b", "--time-limit", "2", "--recovery-wait", "1");
        newer = SimulatedRuns.write(store, 2, "3c", "--time-limit", "3", "--recovery-wait", "1");
        // Not a run: a directory without results.edn is not listed.
        Files.createDirectories(store.resolve("3b").resolve("scratch"));
        server = StoreServer.start(store, 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(server.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String path(BenchResult run) {
        return store.relativize(run.dir()).toString();
    }

    @Test
    void listensOnTheLoopbackAddressOnly() {
        assertThat(server.uri().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void theListShowsEveryRunNewestFirstWithItsFigures() throws Exception {
        HttpResponse<String> list = get("/");

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        String page = list.body();
        assertThat(page).contains("/runs/" + path(newer) + "/").contains("/runs/" + path(older) + "/")
                .doesNotContain("scratch");
        assertThat(page.indexOf(path(newer))).isLessThan(page.indexOf(path(older)));
        assertThat(page).contains("VALID").contains("latest")
                .contains(String.format(Locale.ROOT, "%.2f", newer.net().serversPerOp()));
        assertThat(count(page, "<tr class=\"run\">")).isEqualTo(2);
    }

    @Test
    void aRunPageShowsItsPicturesResultsAndFiles() throws Exception {
        String page = get("/runs/" + path(newer) + "/").body();

        for (String png : new String[] {RunFiles.LATENCY_RAW, RunFiles.LATENCY_QUANTILES, RunFiles.RATE}) {
            assertThat(page).contains("<img class=\"picture\" src=\"/files/" + path(newer) + "/" + png + "\"");
        }
        assertThat(page).contains("src=\"/files/" + path(newer) + "/messages.svg\"")
                .contains("src=\"/files/" + path(newer) + "/timeline.html\"")
                .contains("/files/" + path(newer) + "/history.edn").contains("/files/" + path(newer) + "/messages.log")
                .contains(":valid? true");
    }

    @Test
    void filesAreServedWithTheirTypes() throws Exception {
        HttpResponse<byte[]> png = HTTP.send(HttpRequest.newBuilder(server.uri().resolve("/files/" + path(newer) + "/rate.png"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(png.body()).isEqualTo(Files.readAllBytes(newer.dir().resolve(RunFiles.RATE)));
        assertThat(get("/files/" + path(newer) + "/messages.svg").headers().firstValue("Content-Type")).hasValue("image/svg+xml");
        assertThat(get("/files/" + path(newer) + "/history.edn").body())
                .isEqualTo(Files.readString(newer.dir().resolve(RunFiles.HISTORY)));
    }

    @Test
    void latestGoesToTheLastRunWritten() throws Exception {
        HttpResponse<String> latest = get("/latest");

        assertThat(latest.statusCode()).isEqualTo(302);
        assertThat(latest.headers().firstValue("Location")).hasValue("/runs/" + path(newer) + "/");
    }

    @Test
    void nothingOutsideTheStoreIsServed(@TempDir Path outside) throws Exception {
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(newer.dir().resolve("escape.txt"), outside.resolve("secret.txt"));

        assertThat(get("/files/" + path(newer) + "/escape.txt").statusCode()).isEqualTo(404);
        HttpResponse<String> dotted = HTTP.send(HttpRequest.newBuilder(URI.create(server.uri() + "files/" + path(newer)
                + "/../../../../../../etc/passwd")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(dotted.statusCode()).isEqualTo(404);
        assertThat(get("/runs/nothing/here/").statusCode()).isEqualTo(404);
    }

    private static long count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }
}
