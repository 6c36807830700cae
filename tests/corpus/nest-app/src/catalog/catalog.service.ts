import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import * as _ from 'lodash';
import { Repository } from 'typeorm';
import { Product } from './product.entity';

const fetchStockLevel = _.memoize(async (sku: string): Promise<number> => { // expect: no-unsafe-async-memoize
  const res = await fetch(`${process.env.INVENTORY_URL}/stock/${encodeURIComponent(sku)}`);
  if (!res.ok) throw new Error(`inventory ${res.status}`);
  const body = (await res.json()) as { available: number };
  return body.available;
});

const slugify = _.memoize((title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/(^-|-$)/g, ''),
);

@Injectable()
export class CatalogService {
  private readonly logger = new Logger(CatalogService.name);

  constructor(@InjectRepository(Product) private readonly products: Repository<Product>) {}

  async list(params: { category?: string; page: number }) {
    const take = 24;
    const [items, total] = await this.products.findAndCount({
      where: params.category ? { category: params.category } : {},
      skip: (params.page - 1) * take,
      take,
    });
    return { items: items.map((p) => ({ ...p, slug: slugify(p.title) })), total };
  }

  async findBySku(sku: string) {
    const product = await this.products.findOneBy({ sku });
    if (!product) return null;
    const stock = await fetchStockLevel(sku).catch((err) => {
      this.logger.warn(`stock lookup failed for ${sku}: ${err}`);
      return null;
    });
    return { ...product, slug: slugify(product.title), stock };
  }

  async imageFor(sku: string): Promise<Buffer | null> {
    const product = await this.products.findOneBy({ sku });
    return product?.image ?? null;
  }
}
