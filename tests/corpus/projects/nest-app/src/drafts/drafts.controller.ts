import { Body, Controller, Get, Param, Post, Put, Req, UseGuards } from '@nestjs/common';
import type { Request } from 'express';
import { ApiKeyGuard } from '../auth/api-key.guard';
import type { ApiKey } from '../auth/api-keys.service';
import { DraftAudit, DraftsService } from './drafts.service';

type AuthedRequest = Request & { apiKey: ApiKey };

@Controller('drafts')
@UseGuards(ApiKeyGuard)
export class DraftsController {
  constructor(
    private readonly drafts: DraftsService,
    private readonly audit: DraftAudit,
  ) {}

  @Put(':formId')
  save(@Req() req: AuthedRequest, @Param('formId') formId: string, @Body() fields: Record<string, unknown>) {
    this.audit.touch(formId);
    const draft = this.drafts.save(req.apiKey.ownerId, formId, fields);
    this.audit.flush(req.apiKey.ownerId);
    return draft;
  }

  @Get(':formId')
  find(@Req() req: AuthedRequest, @Param('formId') formId: string) {
    return this.drafts.find(req.apiKey.ownerId, formId);
  }

  @Post(':formId/submit')
  submit(@Req() req: AuthedRequest, @Param('formId') formId: string) {
    return this.drafts.markSubmitted(req.apiKey.ownerId, formId);
  }
}
