package dev.simloop.realworld;

import dev.simloop.Sim;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The real transport: {@link HttpClient#sendAsync} awaited with {@link Sim#await(java.util.concurrent.CompletionStage)},
 * so the coroutine resumes on the loop's thread when the client's own thread completes the response. Cancelling the
 * awaiting task (a timeout) cancels the exchange.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class HttpTransport implements Transport {

    private final HttpClient client;
    private final URI base;

    /**
     * A transport that sends to {@code base} (e.g. {@code http://127.0.0.1:8080}) with {@code client}.
     *
     * @param client the client, not null
     * @param base the scheme, host and port, not null
     */
    public HttpTransport(HttpClient client, URI base) {
        this.client = Objects.requireNonNull(client, "client");
        this.base = Objects.requireNonNull(base, "base");
    }

    @Override
    public int get(String path) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(Objects.requireNonNull(path, "path"))).GET().build();
        return Sim.await(client.sendAsync(request, HttpResponse.BodyHandlers.discarding())).statusCode();
    }
}
