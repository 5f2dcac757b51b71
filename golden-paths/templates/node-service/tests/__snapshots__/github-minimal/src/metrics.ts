// Upper bounds in seconds: fine below 100 ms, where a healthy API answers, coarse above.
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Histogram {
  counts: number[];
  sum: number;
  count: number;
}

/** Request counts and durations, kept in memory and written in Prometheus' text format for /metrics. */
export class Metrics {
  private readonly requests = new Map<string, number>();
  private readonly durations = new Map<string, Histogram>();

  /** Records a finished request. route is the matched route, never the raw path, so the series stay few. */
  observe(method: string, route: string, status: number, seconds: number): void {
    const counter = labels({ method, route, status: String(status) });
    this.requests.set(counter, (this.requests.get(counter) ?? 0) + 1);
    const key = labels({ method, route });
    let histogram = this.durations.get(key);
    if (!histogram) {
      histogram = { counts: BUCKETS.map(() => 0), sum: 0, count: 0 };
      this.durations.set(key, histogram);
    }
    // Prometheus buckets are cumulative: a request counts in every bucket it fits under
    for (let i = 0; i < BUCKETS.length; i++) {
      if (seconds <= (BUCKETS[i] ?? 0)) {
        histogram.counts[i] = (histogram.counts[i] ?? 0) + 1;
      }
    }
    histogram.sum += seconds;
    histogram.count++;
  }

  render(): string {
    const out = [
      '# HELP http_requests_total Requests answered, by method, route and status.',
      '# TYPE http_requests_total counter',
    ];
    for (const [key, count] of this.requests) {
      out.push('http_requests_total{' + key + '} ' + count);
    }
    out.push(
      '# HELP http_request_duration_seconds Time taken to answer requests, by method and route.',
      '# TYPE http_request_duration_seconds histogram',
    );
    for (const [key, h] of this.durations) {
      BUCKETS.forEach((le, i) => out.push('http_request_duration_seconds_bucket{' + key + ',le="' + le + '"} ' + h.counts[i]));
      out.push(
        'http_request_duration_seconds_bucket{' + key + ',le="+Inf"} ' + h.count,
        'http_request_duration_seconds_sum{' + key + '} ' + h.sum,
        'http_request_duration_seconds_count{' + key + '} ' + h.count,
      );
    }
    const memory = process.memoryUsage();
    out.push(
      '# HELP process_resident_memory_bytes Resident memory size in bytes.',
      '# TYPE process_resident_memory_bytes gauge',
      'process_resident_memory_bytes ' + memory.rss,
      '# HELP nodejs_heap_size_used_bytes V8 heap in use, in bytes.',
      '# TYPE nodejs_heap_size_used_bytes gauge',
      'nodejs_heap_size_used_bytes ' + memory.heapUsed,
    );
    return out.join('\n') + '\n';
  }
}

function labels(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([name, value]) => name + '="' + value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n') + '"')
    .join(',');
}
