import { Injectable } from '@nestjs/common';

/** A small in-memory cache shared by the feature modules. */
@Injectable()
export class CacheService {
  private cache: Map<string, any>;
  private readonly hits = new Map<string, number>();

  constructor() {
    this.cache = new Map<string, any>(); // expect: no-unbounded-cache-in-handler
  }

  set(key: string, value: any) {
    this.cache.set(key, value);
  }

  get(key: string) {
    const value = this.cache.get(key) ?? null;
    if (value !== null) this.hits.set(key, (this.hits.get(key) ?? 0) + 1);
    return value;
  }

  delete(key: string) {
    this.cache.delete(key);
  }

  resetStats() {
    this.hits.clear();
  }
}
