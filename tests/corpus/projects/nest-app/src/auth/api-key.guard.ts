import { type CanActivate, type ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import { ApiKeysService } from './api-keys.service';

@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly apiKeys: ApiKeysService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request & { apiKey?: unknown }>();
    const raw = req.header('x-api-key');
    if (!raw) throw new UnauthorizedException('x-api-key header required');
    const key = await this.apiKeys.verify(raw, req.ip ?? 'unknown');
    if (!key) throw new UnauthorizedException('invalid API key');
    req.apiKey = key;
    return true;
  }
}
