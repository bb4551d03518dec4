/**
 * A linearizability checker for recorded histories, usable on its own: record a {@link dev.simloop.net.lin.History}
 * of invocations and endings (ok, fail, info) per client, then {@link dev.simloop.net.lin.Linearizability#check} it
 * against a sequential {@link dev.simloop.net.lin.Model} such as {@link dev.simloop.net.lin.Register}.
 */
package dev.simloop.net.lin;
