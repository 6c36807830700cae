import { Controller, Get, Param, Post } from '@nestjs/common';
import { CacheService } from '../common/cache.service';

interface Profile {
  id: string;
  displayName: string;
}

@Controller('profiles')
export class ProfilesController {
  constructor(private readonly cache: CacheService) {}

  @Get(':id')
  async findOne(@Param('id') id: string): Promise<Profile> {
    const cached = this.cache.get(`profile:${id}`);
    if (cached) return cached as Profile;
    const res = await fetch(`https://accounts.internal/profiles/${encodeURIComponent(id)}`);
    const profile = (await res.json()) as Profile;
    this.cache.set(`profile:${id}`, profile);
    return profile;
  }

  @Post('stats/reset')
  resetStats() {
    this.cache.resetStats();
  }
}
