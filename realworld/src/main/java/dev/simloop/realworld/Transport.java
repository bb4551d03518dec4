package dev.simloop.realworld;

import java.io.IOException;
import org.apiguardian.api.API;

/**
 * How the health checker reaches a service: one GET, awaited inside a coroutine. The real one is HTTP over
 * {@link java.net.http.HttpClient}; the simulated one is a fake with seeded latency and faults.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface Transport {

    /**
     * Sends a GET for {@code path} and returns the response's status code; suspends the calling coroutine meanwhile.
     *
     * @param path the path, starting with "/", not null
     * @return the HTTP status code
     * @throws IOException if the request could not be sent or the connection broke
     */
    int get(String path) throws IOException;
}
