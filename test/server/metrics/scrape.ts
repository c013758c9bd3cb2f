import express from 'express';
import request from 'supertest';
import { metricsRoute } from '../../../server/http/metrics-route';
import type { Metrics } from '../../../server/metrics/create-metrics';

export type Sample = { name: string; labels: Record<string, string>; value: number };
export type Scrape = { text: string; contentType: string; samples: Sample[] };

/** What Prometheus gets: GET /metrics through the real route on a bare app, parsed into samples. */
export async function scrape(metrics: Metrics): Promise<Scrape> {
  const res = await request(express().use(metricsRoute(metrics))).get('/metrics').expect(200);
  return { text: res.text, contentType: String(res.headers['content-type']), samples: parseSamples(res.text) };
}

/** The value of the one sample with exactly these labels, or undefined when there is none. */
export function valueOf(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = JSON.stringify(sorted(labels));
  return samples.find((s) => s.name === name && JSON.stringify(sorted(s.labels)) === wanted)?.value;
}

export function samplesOf(samples: Sample[], name: string): Sample[] {
  return samples.filter((s) => s.name === name);
}

function parseSamples(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
      if (!match) throw new Error(`not a Prometheus sample: ${line}`);
      const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!]));
      return { name: match[1]!, labels, value: Number(match[3]) };
    });
}

function sorted(labels: Record<string, string>): [string, string][] {
  return Object.entries(labels).sort(([a], [b]) => a.localeCompare(b));
}
