/**
 * The renderings of a trace: the per-task column table and Chrome trace-event JSON
 * ({@link dev.simloop.internal.timeline.TraceRendering}) and the self-contained HTML timeline
 * ({@link dev.simloop.internal.timeline.TimelinePage}). Not API: users reach them through
 * {@link dev.simloop.Trace} and {@link dev.simloop.RunResult#renderHtml()}, the only classes that call in here.
 */
package dev.simloop.internal.timeline;
