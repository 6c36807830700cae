import { Body, Controller, Get, Param, Post, UseGuards } from '@nestjs/common';
import { IsInt, IsString, Max, Min } from 'class-validator';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { BillingService } from './billing.service';

class QuoteDto {
  @IsString() planId!: string;
  @IsInt() @Min(1) @Max(10_000) seats!: number;
  @IsString() timezone!: string;
}

@Controller('billing')
@UseGuards(ApiKeyGuard)
export class BillingController {
  constructor(private readonly billing: BillingService) {}

  @Get('plans/:planId')
  plan(@Param('planId') planId: string) {
    return this.billing.planFor(planId);
  }

  @Post('quotes')
  quote(@Body() dto: QuoteDto) {
    return this.billing.quote(dto);
  }
}
