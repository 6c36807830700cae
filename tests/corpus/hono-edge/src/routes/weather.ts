import { Hono } from 'hono';
import memoizeOne from 'memoize-one';

export const weather = new Hono();

interface Forecast {
  city: string;
  tempC: number;
  summary: string;
}

const forecasts = new Map<string, { data: Forecast; at: number }>();

// The whole map is dropped every ten minutes; forecasts are only hourly anyway.
setInterval(() => forecasts.clear(), 10 * 60_000);

const unitLabel = memoizeOne((units: string) => (units === 'imperial' ? '°F' : '°C'));

async function forecastFor(city: string): Promise<Forecast> {
  const hit = forecasts.get(city);
  if (hit) return hit.data;
  const res = await fetch(`${process.env.WEATHER_API}/forecast?q=${encodeURIComponent(city)}`);
  if (!res.ok) throw new Error(`weather upstream ${res.status}`);
  const data = (await res.json()) as Forecast;
  forecasts.set(city, { data, at: Date.now() });
  return data;
}

weather.get('/:city', async (c) => {
  const units = c.req.query('units') ?? 'metric';
  try {
    const f = await forecastFor(c.req.param('city').toLowerCase());
    const temp = units === 'imperial' ? f.tempC * 1.8 + 32 : f.tempC;
    return c.json({ ...f, temp: `${temp.toFixed(1)}${unitLabel(units)}` });
  } catch (err) {
    return c.json({ error: (err as Error).message }, 502);
  }
});
