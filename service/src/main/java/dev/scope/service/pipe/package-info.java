/**
 * The pipe component of Scope as a Service: terminals and log streams whose two ends land on any replicas.
 *
 * <ul>
 *   <li>Each replica keeps its pipes as the standalone app does (the app's {@code Pipe}: order, back-pressure, either
 *       end closing closes both; idle timeout) in {@link dev.scope.service.pipe.LocalPipes}.</li>
 *   <li>{@link dev.scope.service.pipe.PipeStore}: {@code pipe_ends} records which replica holds each end;
 *       {@code closed_pipes} remembers closed pipes (ten idle periods) so {@code /check} answers 404 and late
 *       connections are refused on every replica.</li>
 *   <li>{@link dev.scope.service.pipe.PipeBridges}: the replica holding the UI end opens one internal websocket to
 *       the replica holding the probe end, where it becomes that pipe's UI end; a replica that gets the probe end
 *       second asks the UI end's replica to dial. Both ends record themselves before looking for the other, so at
 *       least one of them finds it, and the UI side dials at most once.</li>
 *   <li>{@code DELETE /api/pipe/{id}} on any replica closes the pipe there and on the replicas holding its ends.</li>
 * </ul>
 */
package dev.scope.service.pipe;
