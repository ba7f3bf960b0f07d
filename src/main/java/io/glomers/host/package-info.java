/**
 * One JVM that runs every node of a machine, each in a Spring context of its own, behind a launcher
 * process per node (issue 19). 25 JVMs starting at once on two cores need 15-20 s before the last
 * one serves; one JVM starts once and each further context costs a fraction of the first. Each
 * hosted node still reads its own launcher's stdin and writes its own launcher's stdout and stderr
 * (opened through {@code /proc}), answers only for that process, and talks to the other nodes only
 * through Maelstrom: nothing is shared between contexts but the JVM. See docs/architecture.md.
 */
package io.glomers.host;
