import { Controller, Get, Header, NotFoundException, Param, Query, StreamableFile } from '@nestjs/common';
import sharp from 'sharp';
import { CatalogService } from './catalog.service';

@Controller('catalog')
export class CatalogController {
  private readonly thumbnails = new Map<string, Buffer>(); // expect: no-unbounded-cache-in-handler

  constructor(private readonly catalog: CatalogService) {}

  @Get()
  async list(@Query('category') category?: string, @Query('page') page = '1') {
    return this.catalog.list({ category, page: Number(page) });
  }

  @Get(':sku')
  async bySku(@Param('sku') sku: string) {
    const item = await this.catalog.findBySku(sku);
    if (!item) throw new NotFoundException(`No product ${sku}`);
    return item;
  }

  @Get(':sku/thumbnail')
  @Header('Content-Type', 'image/webp')
  async thumbnail(@Param('sku') sku: string, @Query('w') w = '160') {
    const key = `${sku}:${w}`;
    let image = this.thumbnails.get(key);
    if (!image) {
      const original = await this.catalog.imageFor(sku);
      if (!original) throw new NotFoundException();
      image = await sharp(original).resize(Number(w)).webp().toBuffer();
      this.thumbnails.set(key, image);
    }
    return new StreamableFile(image);
  }
}
