import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Column, Entity, PrimaryGeneratedColumn, Repository } from 'typeorm';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ unique: true }) email!: string;
  @Column() displayName!: string;
  @Column({ nullable: true }) avatarUrl!: string | null;
  @Column({ length: 2 }) country!: string;
}

export interface PublicProfile {
  id: string;
  displayName: string;
  avatarUrl: string | null;
  country: string;
}

@Injectable()
export class UsersService {
  private readonly profiles = new Map<string, PublicProfile>();
  private readonly byEmail = new Map<string, Promise<User | null>>(); // expect: no-unbounded-cache-in-handler

  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async publicProfile(id: string): Promise<PublicProfile> {
    const hit = this.profiles.get(id);
    if (hit) return hit;
    const user = await this.users.findOneBy({ id });
    if (!user) throw new NotFoundException(`no user ${id}`);
    const profile: PublicProfile = {
      id: user.id,
      displayName: user.displayName,
      avatarUrl: user.avatarUrl,
      country: user.country,
    };
    this.profiles.set(user.id, profile);
    return profile;
  }

  findByEmail(email: string): Promise<User | null> {
    const normalized = email.trim().toLowerCase();
    let pending = this.byEmail.get(normalized);
    if (!pending) {
      pending = this.loadByEmail(normalized);
      this.byEmail.set(normalized, pending); // expect: no-unsafe-async-memoize
    }
    return pending;
  }

  private async loadByEmail(email: string): Promise<User | null> {
    return this.users.findOne({ where: { email }, select: { id: true, email: true, displayName: true } });
  }
}
