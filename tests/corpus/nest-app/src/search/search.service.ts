import { Injectable } from '@nestjs/common';
import { ElasticsearchService } from '@nestjs/elasticsearch';

export interface SearchHit {
  id: string;
  score: number;
  title: string;
}

const MAX_ENTRIES = 2_000;

@Injectable()
export class SearchService {
  // Recent query results; the oldest entry is evicted once the map is full.
  private readonly recent = new Map<string, SearchHit[]>();

  constructor(private readonly es: ElasticsearchService) {}

  async search(q: string, page = 0): Promise<SearchHit[]> {
    const key = `${q.toLowerCase()}#${page}`;
    const cached = this.recent.get(key);
    if (cached) return cached;

    const result = await this.es.search<{ title: string }>({
      index: 'products',
      from: page * 20,
      size: 20,
      query: { multi_match: { query: q, fields: ['title^3', 'description'] } },
    });
    const hits = result.hits.hits.map((h) => ({ id: h._id!, score: h._score ?? 0, title: h._source?.title ?? '' }));

    if (this.recent.size >= MAX_ENTRIES) {
      const oldest = this.recent.keys().next().value;
      if (oldest !== undefined) this.recent.delete(oldest);
    }
    this.recent.set(key, hits);
    return hits;
  }
}
