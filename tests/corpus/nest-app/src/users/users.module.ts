import { Body, Controller, Get, Injectable, Module, Post, Query } from '@nestjs/common';
import { PrismaService } from '../prisma.service';

export interface UserSummary {
  id: string;
  email: string;
  name: string | null;
}

@Injectable()
export class UsersService {
  private readonly byEmail = new Map<string, UserSummary | null>(); // expect: no-unbounded-cache-in-handler

  constructor(private readonly prisma: PrismaService) {}

  async findByEmail(email: string): Promise<UserSummary | null> {
    const normalized = email.trim().toLowerCase();
    if (this.byEmail.has(normalized)) return this.byEmail.get(normalized) ?? null;
    const user = await this.prisma.user.findUnique({
      where: { email: normalized },
      select: { id: true, email: true, name: true },
    });
    this.byEmail.set(normalized, user);
    return user;
  }

  async create(data: { email: string; name?: string }) {
    return this.prisma.user.create({ data: { email: data.email.toLowerCase(), name: data.name ?? null } });
  }
}

@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('lookup')
  lookup(@Query('email') email: string) {
    return this.users.findByEmail(email);
  }

  @Post()
  create(@Body() body: { email: string; name?: string }) {
    return this.users.create(body);
  }
}

@Module({
  controllers: [UsersController],
  providers: [UsersService, PrismaService],
  exports: [UsersService],
})
export class UsersModule {}
