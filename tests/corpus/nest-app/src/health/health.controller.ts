import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import memoizee from 'memoizee';
import { DataSource } from 'typeorm';
import { RedisService } from '../redis/redis.service';

@Controller('health')
export class HealthController {
  private readonly probeDatabase = memoizee(
    async () => {
      await this.dataSource.query('select 1');
      return true;
    },
    { promise: true, maxAge: 5_000 },
  );

  private readonly probeRedis = memoizee(
    async () => (await this.redis.client.ping()) === 'PONG',
    { promise: true, maxAge: 5_000 },
  );

  constructor(
    private readonly dataSource: DataSource,
    private readonly redis: RedisService,
  ) {}

  @Get()
  async check() {
    const [db, redis] = await Promise.allSettled([this.probeDatabase(), this.probeRedis()]);
    const status = {
      database: db.status === 'fulfilled' && db.value,
      redis: redis.status === 'fulfilled' && redis.value,
    };
    if (!status.database || !status.redis) throw new ServiceUnavailableException(status);
    return status;
  }
}
