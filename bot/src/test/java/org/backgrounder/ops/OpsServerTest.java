package org.backgrounder.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpsServerTest {

  private OpsServer ops;
  private final List<Socket> idle = new ArrayList<>();
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();

  @BeforeEach
  void start() throws Exception {
    ops = OpsServer.start(new InetSocketAddress("127.0.0.1", 0), new Metrics(),
        () -> Map.of("index", true));
  }

  @AfterEach
  void stop() throws Exception {
    for (Socket s : idle) {
      s.close();
    }
    ops.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
            + ops.address().getPort() + path)).timeout(Duration.ofSeconds(2)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthz_withConnectionsThatNeverFinishTheirHeaders_stillAnswers() throws Exception {
    for (int i = 0; i < 16; i++) {
      Socket s = new Socket();
      s.connect(new InetSocketAddress("127.0.0.1", ops.address().getPort()), 2000);
      OutputStream out = s.getOutputStream();
      out.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      idle.add(s);
    }

    long began = System.nanoTime();
    HttpResponse<String> r = get("/healthz");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("ok\n");
    assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void readyz_namesWhatIsNotReady() throws Exception {
    ops.close();
    ops = OpsServer.start(new InetSocketAddress("127.0.0.1", 0), new Metrics(),
        () -> Map.of("slack", false));

    HttpResponse<String> r = get("/readyz");

    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.body()).contains("slack: not ready");
  }
}
