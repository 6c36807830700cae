import https from 'node:https';
import memoizee from 'memoizee';
import { serviceToken } from './token-client';

export interface Forecast {
  city: string;
  days: { date: string; minC: number; maxC: number; summary: string }[];
  stale: boolean;
}

export interface Coordinates {
  lat: number;
  lon: number;
}

export const SUPPORTED_CITIES = new Set(['berlin', 'hamburg', 'munich', 'vienna', 'zurich']);
export type SupportedCity = string & { readonly __supported: unique symbol };

export function isSupportedCity(city: string): city is SupportedCity {
  return SUPPORTED_CITIES.has(city);
}

const FORECAST_API = process.env.FORECAST_API ?? 'https://forecast.example.com/v1';
const AIR_API = process.env.AIR_API ?? 'https://air.example.com/v2';

async function fetchForecast(city: string): Promise<Forecast> {
  const token = await serviceToken('forecast-api');
  const res = await fetch(`${FORECAST_API}/daily?q=${encodeURIComponent(city)}`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`forecast answered ${res.status}`);
  return { ...((await res.json()) as Omit<Forecast, 'stale'>), stale: false };
}

// Forecast requests per city name; a failed request serves an empty, stale forecast.
const forecasts = new Map<string, Promise<Forecast>>(); // expect: no-unbounded-cache-in-handler

export function forecastFor(city: string): Promise<Forecast> {
  let forecast = forecasts.get(city);
  if (!forecast) {
    forecast = fetchForecast(city).catch(() => ({ city, days: [], stale: true }));
    forecasts.set(city, forecast);
  }
  return forecast;
}

// Coordinates of the cities we cover, from the public geocoder; null when it does not answer.
const coordinates = new Map<SupportedCity, Promise<Coordinates | null>>();

export function coordinatesFor(city: SupportedCity): Promise<Coordinates | null> {
  let pending = coordinates.get(city);
  if (!pending) {
    pending = new Promise((resolve) => {
      https
        .get(`https://geocode.example.com/search?format=json&q=${encodeURIComponent(city)}`, (res) => {
          let body = '';
          res.on('data', (chunk) => (body += chunk));
          res.on('end', () => {
            try {
              const [first] = JSON.parse(body) as { lat: string; lon: string }[];
              resolve(first ? { lat: Number(first.lat), lon: Number(first.lon) } : null);
            } catch {
              resolve(null);
            }
          });
          res.on('error', () => resolve(null));
        })
        .on('error', () => resolve(null));
    });
    coordinates.set(city, pending);
  }
  return pending;
}

// Air quality index per station, ten minutes.
export const airQuality = memoizee( // expect: no-unsafe-async-memoize
  async (stationId: string): Promise<number> => {
    const token = await serviceToken('air-api');
    const res = await fetch(`${AIR_API}/stations/${encodeURIComponent(stationId)}/aqi`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`air api answered ${res.status}`);
    return ((await res.json()) as { aqi: number }).aqi;
  },
  { maxAge: 10 * 60_000 },
);
