import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

/**
 * The reference for /last: a bare Vert.x HTTP server answering every request with the same fixed JSON bytes, on the
 * same Vert.x version as the app. Run by bench/run.sh with the app's own jars on the class path.
 */
public class BareVertx {
    public static void main(String[] args) {
        Buffer body = Buffer.buffer("{\"ticker\":\"btc_usd\",\"price\":91234.56,\"timestamp\":1767225540,"
                + "\"time\":\"2025-12-31T23:59:00Z\",\"source\":\"live\"}");
        Vertx.vertx().createHttpServer()
                .requestHandler(request -> request.response().putHeader("Content-Type", "application/json").end(body))
                .listen(Integer.parseInt(args[0]));
    }
}
