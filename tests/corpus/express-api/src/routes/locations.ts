import { Router } from 'express';
import { placesApi, type Place } from '../lib/places';

class PlaceIndex {
  static byQuery = new Map<string, Place[]>(); // expect: no-unbounded-cache-in-handler
  static readonly minLength = 3;

  static lookup(query: string): Place[] {
    const q = query.trim().toLowerCase();
    if (q.length < PlaceIndex.minLength) return [];
    const known = PlaceIndex.byQuery.get(q);
    if (known) return known;
    const found = placesApi.searchSync(q).slice(0, 10);
    PlaceIndex.byQuery.set(q, found);
    return found;
  }
}

const router = Router();

router.get('/places', (req, res) => {
  const places = PlaceIndex.lookup(String(req.query.q ?? ''));
  res.json({ places });
});

router.get('/places/:id', async (req, res) => {
  const place = await placesApi.byId(req.params.id);
  if (!place) return res.sendStatus(404);
  res.json(place);
});

export default router;
