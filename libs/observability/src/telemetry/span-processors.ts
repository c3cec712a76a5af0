import { OTLPTraceExporter as OtlpGrpcExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { OTLPTraceExporter as OtlpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace';
import { RedactingSpanProcessor } from './redacting-span-processor.js';

type Env = Readonly<Record<string, string | undefined>>;

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

function count(env: Env, name: string): number | undefined {
  const value = Number(env[name]);
  return env[name] !== undefined && Number.isInteger(value) && value >= 0 ? value : undefined;
}

function otlpExporter(env: Env): SpanExporter {
  const protocol =
    env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL ?? 'http/protobuf';
  if (protocol === 'grpc') return new OtlpGrpcExporter();
  if (protocol === 'http/json') return new OtlpJsonExporter();
  return new OtlpProtobufExporter();
}

/**
 * The SDK's span pipeline as the standard variables describe it (OTEL_TRACES_EXPORTER: otlp by
 * default, console or none; the OTLP protocol, endpoint and headers; OTEL_BSP_* batching), with
 * the redacting processor in front. The SDK builds the same pipeline from the environment, but
 * only when it is given no processor of ours.
 */
export function spanProcessorsFromEnv(env: Env = process.env): SpanProcessor[] {
  const names = list(env.OTEL_TRACES_EXPORTER);
  if (names.includes('none')) return [];
  const processors: SpanProcessor[] = [];
  for (const name of names.length > 0 ? names : ['otlp']) {
    if (name === 'console') {
      processors.push(new SimpleSpanProcessor({ exporter: new ConsoleSpanExporter() }));
    } else if (name === 'otlp') {
      processors.push(
        new BatchSpanProcessor({
          exporter: otlpExporter(env),
          maxQueueSize: count(env, 'OTEL_BSP_MAX_QUEUE_SIZE'),
          scheduledDelayMillis: count(env, 'OTEL_BSP_SCHEDULE_DELAY'),
          exportTimeoutMillis: count(env, 'OTEL_BSP_EXPORT_TIMEOUT'),
          maxExportBatchSize: count(env, 'OTEL_BSP_MAX_EXPORT_BATCH_SIZE'),
        }),
      );
    }
  }
  return processors.length > 0 ? [new RedactingSpanProcessor(), ...processors] : [];
}
