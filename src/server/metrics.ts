// A small Prometheus registry: counters and histograms with labels, rendered in the text format 0.0.4.
// Enough for turns, escalations, delivery failures and latency, without another dependency.

type Labels = Record<string, string>;

function labelKey(labels: Labels): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}="${String(labels[k]).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`)
    .join(',');
}

function braces(key: string, extra?: string): string {
  const all = [key, extra].filter((s) => s !== undefined && s !== '').join(',');
  return all === '' ? '' : `{${all}}`;
}

export class Counter {
  private readonly values = new Map<string, number>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}
  inc(labels: Labels = {}, by = 1): void {
    const key = labelKey(labels);
    this.values.set(key, (this.values.get(key) ?? 0) + by);
  }
  get(labels: Labels = {}): number {
    return this.values.get(labelKey(labels)) ?? 0;
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    if (this.values.size === 0) lines.push(`${this.name} 0`);
    for (const [key, value] of this.values) lines.push(`${this.name}${braces(key)} ${value}`);
    return lines.join('\n');
  }
}

export class Histogram {
  private readonly series = new Map<string, { buckets: number[]; sum: number; count: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly bounds: number[],
  ) {}
  observe(value: number, labels: Labels = {}): void {
    const key = labelKey(labels);
    let s = this.series.get(key);
    if (!s) {
      s = { buckets: this.bounds.map(() => 0), sum: 0, count: 0 };
      this.series.set(key, s);
    }
    this.bounds.forEach((bound, i) => {
      if (value <= bound && s) s.buckets[i] = (s.buckets[i] ?? 0) + 1;
    });
    s.sum += value;
    s.count += 1;
  }
  count(labels: Labels = {}): number {
    return this.series.get(labelKey(labels))?.count ?? 0;
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const [key, s] of this.series) {
      this.bounds.forEach((bound, i) => lines.push(`${this.name}_bucket${braces(key, `le="${bound}"`)} ${s.buckets[i] ?? 0}`));
      lines.push(`${this.name}_bucket${braces(key, 'le="+Inf"')} ${s.count}`);
      lines.push(`${this.name}_sum${braces(key)} ${s.sum}`);
      lines.push(`${this.name}_count${braces(key)} ${s.count}`);
    }
    return lines.join('\n');
  }
}

export class Gauge {
  constructor(
    readonly name: string,
    readonly help: string,
    private readonly read: () => number,
  ) {}
  render(): string {
    return [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} gauge`, `${this.name} ${this.read()}`].join('\n');
  }
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The advisor's metrics. Names follow Prometheus conventions (_total, _seconds). */
export function createMetrics() {
  const started = Date.now();
  const metrics = {
    turns: new Counter('advisor_turns_total', 'Conversation turns handled, by channel and outcome (ok, error).'),
    escalations: new Counter('advisor_escalations_total', 'Cases created by researchers confirming an escalation, by channel.'),
    caseActions: new Counter('advisor_case_actions_total', 'Contact-point actions on cases (take, ask, close), by channel and result.'),
    deliveries: new Counter('advisor_deliveries_total', 'Outbox deliveries attempted, by channel, kind and result (ok, failed).'),
    deliveryFailures: new Counter('advisor_delivery_failures_total', 'Outbox deliveries that failed, by channel, kind and whether they will be retried.'),
    turnLatency: new Histogram('advisor_turn_duration_seconds', 'Time to handle one conversation turn, by channel.', SECONDS),
    deliveryLatency: new Histogram('advisor_delivery_duration_seconds', 'Time to deliver one outbox job, by channel.', SECONDS),
    httpLatency: new Histogram('advisor_http_request_duration_seconds', 'HTTP request time, by route and status class.', SECONDS),
    uptime: new Gauge('advisor_uptime_seconds', 'Seconds since the process started.', () => Math.round((Date.now() - started) / 1000)),
  };
  return {
    ...metrics,
    render(): string {
      return `${Object.values(metrics)
        .map((m) => m.render())
        .join('\n')}\n`;
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
