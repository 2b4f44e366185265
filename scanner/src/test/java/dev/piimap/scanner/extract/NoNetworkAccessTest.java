package dev.piimap.scanner.extract;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Documents that point at a canary server on loopback (external entities, DTDs, images, styles) get no request. */
class NoNetworkAccessTest {
    @TempDir
    Path dir;

    private HttpServer canary;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private String base;

    @BeforeEach
    void startCanary() throws Exception {
        canary = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        canary.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().toString());
            byte[] body = "<!ENTITY leak \"canary-reached\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        canary.start();
        base = "http://127.0.0.1:" + canary.getAddress().getPort();
    }

    @AfterEach
    void stopCanary() {
        canary.stop(0);
    }

    @Test
    void xmlExternalEntitiesAndDtdsAreNotFetched() throws Exception {
        Path entity = dir.resolve("entity.xml");
        Files.writeString(entity, "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"" + base + "/entity\">]>\n"
                + "<r>before &x; after</r>\n");
        Path dtd = dir.resolve("dtd.xml");
        Files.writeString(dtd, "<?xml version=\"1.0\"?>\n<!DOCTYPE r SYSTEM \"" + base + "/dtd\">\n<r>text &leak;</r>\n");
        Path parameter = dir.resolve("parameter.xml");
        Files.writeString(parameter, "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY % p SYSTEM \"" + base
                + "/param\"> %p;]>\n<r>text</r>\n");

        for (Path file : List.of(entity, dtd, parameter)) {
            RecordingSink sink = RecordingSink.extract(file, ExtractionLimits.defaults());
            assertThat(sink.outcomes).containsKey(file.getFileName().toString());
            assertThat(sink.texts.values()).noneMatch(t -> t.toString().contains("canary-reached"));
        }
        assertThat(requests).isEmpty();
    }

    @Test
    void linksImagesAndStylesInHtmlAreNotFetched() throws Exception {
        Path html = dir.resolve("page.html");
        Files.writeString(html, "<html><head><link rel=\"stylesheet\" href=\"" + base + "/style.css\">"
                + "<script src=\"" + base + "/script.js\"></script></head><body>"
                + "<img src=\"" + base + "/pixel.png\"><iframe src=\"" + base + "/frame\"></iframe>"
                + "<a href=\"" + base + "/link\">visit us</a></body></html>");

        RecordingSink sink = RecordingSink.extract(html, ExtractionLimits.defaults());

        assertThat(sink.text("page.html")).contains("visit us");
        assertThat(requests).isEmpty();
    }
}
