/**
 * OpenTelemetry tracing: a span per HTTP request, per GraphQL operation and per SQL statement,
 * the request id on each. Exported over OTLP (HTTP) when the standard OTEL_EXPORTER_OTLP_ENDPOINT
 * is set; otherwise no provider is registered and every hook returns before touching the API —
 * tracing off costs a boolean test per request and statement.
 */
import { context, trace, type Span, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider, type SpanProcessor } from '@opentelemetry/sdk-trace';

let tracer: Tracer | null = null;
let provider: TracerProvider | null = null;

/** Whether spans are recorded in this process. */
export const tracing = (): Tracer | null => tracer;

/**
 * Registers a tracer provider with the given span processors (a test passes an in-memory
 * exporter's); once per process. Returns a shutdown that flushes what is pending.
 */
export function enableTracing(processors: SpanProcessor[]): { shutdown(): Promise<void> } {
  if (!provider) {
    provider = new TracerProvider({ resource: resourceFromAttributes({ 'service.name': process.env.OTEL_SERVICE_NAME ?? 'dangjian-api' }), spanProcessors: processors });
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    trace.setGlobalTracerProvider(provider);
    tracer = trace.getTracer('dangjian-api');
  }
  const own = provider;
  return { shutdown: () => own.forceFlush() };
}

/** Tracing from the environment: on when OTEL_EXPORTER_OTLP_ENDPOINT is set (the exporter reads the standard variables). */
export function tracingFromEnvironment(env: NodeJS.ProcessEnv = process.env): { shutdown(): Promise<void> } | null {
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT && !env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return null;
  return enableTracing([new BatchSpanProcessor({ exporter: new OTLPTraceExporter() })]);
}

/** Runs `fn` with `span` as the active span (children nest under it). */
export const withSpan = <T>(span: Span, fn: () => T): T => context.with(trace.setSpan(context.active(), span), fn);
