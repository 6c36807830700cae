import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { LRUCache } from 'lru-cache';
import { AccountsService } from '../accounts/accounts.service';

interface JwtPayload {
  sub: string;
  sid: string;
  roles?: string[];
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  // Session lookups hit the database otherwise; keep a bounded, short-lived copy.
  private readonly sessions = new LRUCache<string, { active: boolean }>({ max: 20_000, ttl: 60_000 });

  constructor(private readonly accounts: AccountsService) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      ignoreExpiration: false,
      secretOrKey: process.env.JWT_SECRET,
    });
  }

  async validate(payload: JwtPayload) {
    let session = this.sessions.get(payload.sid);
    if (!session) {
      session = { active: await this.accounts.isSessionActive(payload.sub, payload.sid) };
      this.sessions.set(payload.sid, session);
    }
    if (!session.active) throw new UnauthorizedException();
    return { userId: payload.sub, roles: payload.roles ?? [] };
  }
}
