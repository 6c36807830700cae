import { createHash } from 'node:crypto';
import { HttpException, HttpStatus, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Column, Entity, IsNull, PrimaryGeneratedColumn, Repository } from 'typeorm';

@Entity('api_keys')
export class ApiKey {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() hash!: string;
  @Column() ownerId!: string;
  @Column('text', { array: true }) scopes!: string[];
  @Column({ type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
}

const MAX_FAILURES = 10;

@Injectable()
export class ApiKeysService implements OnModuleDestroy {
  /** Keys whose hash matched a row: skip the query next time. */
  private readonly verified = new Map<string, ApiKey>();
  /** Failed attempts per client address; one is forgiven every minute. */
  private readonly failures = new Map<string, number>(); // expect: no-unbounded-cache-in-handler
  private readonly decay: NodeJS.Timeout;

  constructor(@InjectRepository(ApiKey) private readonly keys: Repository<ApiKey>) {
    this.decay = setInterval(() => {
      for (const [ip, count] of this.failures) this.failures.set(ip, Math.max(0, count - 1));
    }, 60_000);
    this.decay.unref();
  }

  onModuleDestroy() {
    clearInterval(this.decay);
  }

  async verify(rawKey: string, ip: string): Promise<ApiKey | null> {
    if ((this.failures.get(ip) ?? 0) >= MAX_FAILURES) {
      throw new HttpException('Too many failed attempts', HttpStatus.TOO_MANY_REQUESTS);
    }
    const hash = createHash('sha256').update(rawKey).digest('hex');
    const known = this.verified.get(hash);
    if (known) return known;
    const row = await this.keys.findOneBy({ hash, revokedAt: IsNull() });
    if (!row) {
      this.failures.set(ip, (this.failures.get(ip) ?? 0) + 1);
      return null;
    }
    this.verified.set(hash, row);
    return row;
  }
}
