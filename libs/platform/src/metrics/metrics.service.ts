import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  collectDefaultMetrics,
  Counter,
  type CounterConfiguration,
  Gauge,
  type GaugeConfiguration,
  Histogram,
  type HistogramConfiguration,
  Registry,
} from 'prom-client';
import { APP_CONFIG } from '../config/config.module.js';
import type { BaseConfig } from '../config/config.schema.js';

type Config<C> = Omit<C, 'registers'>;
type HttpLabel = 'method' | 'route' | 'status';

/**
 * The application's own Prometheus registry (not prom-client's global one, so that several apps
 * in one test process do not collide) and the place other modules register their metrics.
 * Registering the same name twice returns the metric already registered.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly httpRequestDuration: Histogram<HttpLabel>;

  constructor(@Optional() @Inject(APP_CONFIG) config?: BaseConfig) {
    if (config !== undefined) {
      this.registry.setDefaultLabels({ service: config.SERVICE_NAME });
    }
    collectDefaultMetrics({ register: this.registry });
    this.httpRequestDuration = this.histogram({
      name: 'http_request_duration_seconds',
      help: 'Duration of HTTP requests, by method, route pattern and status code',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    });
  }

  counter<T extends string>(config: Config<CounterConfiguration<T>>): Counter<T> {
    return (
      this.existing(config.name, Counter) ?? new Counter({ ...config, registers: [this.registry] })
    );
  }

  histogram<T extends string>(config: Config<HistogramConfiguration<T>>): Histogram<T> {
    return (
      this.existing(config.name, Histogram) ??
      new Histogram({ ...config, registers: [this.registry] })
    );
  }

  gauge<T extends string>(config: Config<GaugeConfiguration<T>>): Gauge<T> {
    return (
      this.existing(config.name, Gauge) ?? new Gauge({ ...config, registers: [this.registry] })
    );
  }

  /** The exposition text of every registered metric. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  private existing<M>(name: string, kind: abstract new (...args: never[]) => M): M | undefined {
    const metric: unknown = this.registry.getSingleMetric(name);
    if (metric === undefined) {
      return undefined;
    }
    if (!(metric instanceof kind)) {
      throw new Error(`Metric ${name} is already registered with another type`);
    }
    return metric;
  }
}
