import { Controller, Get, Param, ParseIntPipe, Res } from '@nestjs/common';
import type { Response } from 'express';
import pMemoize from 'p-memoize';
import QuickLRU from 'quick-lru';
import { ReportsService } from './reports.service';

@Controller('reports')
export class ReportsController {
  private readonly renderYear = pMemoize((year: number) => this.reports.renderYearPdf(year), {
    cache: new QuickLRU({ maxSize: 20 }),
  });

  constructor(private readonly reports: ReportsService) {}

  @Get(':year')
  async yearly(@Param('year', ParseIntPipe) year: number, @Res() res: Response) {
    const pdf = await this.renderYear(year);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Cache-Control', 'private, max-age=300');
    res.end(pdf);
  }

  @Get(':year/summary')
  async summary(@Param('year', ParseIntPipe) year: number) {
    const totals = await this.reports.totals(year);
    return {
      year,
      revenue: totals.revenue,
      orders: totals.orders,
      averageOrder: totals.orders ? totals.revenue / totals.orders : 0,
    };
  }
}
