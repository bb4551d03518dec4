/**
 * Scenarios: concurrency bugs that engineers meet in real async code, each a small component in a buggy and a fixed
 * version ({@link dev.simloop.scenarios.Scenario}, listed by {@link dev.simloop.scenarios.Catalog}), and the
 * command-line bug hunter that finds each bug by seed and replays it ({@link dev.simloop.scenarios.Hunter}). The
 * README's main command runs {@code hunt all}; docs/scenarios.md is the cookbook.
 */
package dev.simloop.scenarios;
