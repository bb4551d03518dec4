package dev.simloop.net;

import org.apiguardian.api.API;

/**
 * A message delivered to an {@link Endpoint}: who sent it, to where, and what.
 *
 * @param from the sender's address, not null
 * @param to the receiver's address, not null
 * @param payload what was sent, may be null; the network passes the object itself, it does not copy it
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Datagram(Address from, Address to, Object payload) {}
