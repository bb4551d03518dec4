/**
 * Scenarios: small simulations that show what simloop is for. For now the demo that the README's main command runs.
 */
package dev.simloop.scenarios;
