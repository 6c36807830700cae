import { Controller, Get, type INestApplication, Param } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { getRepositoryToken } from '@nestjs/typeorm';
import request from 'supertest';
import { User, UsersService } from './users.service';

// In-memory stand-in for the users table.
const rows = new Map<string, User>();
const seenIds: string[] = [];

@Controller('probe')
class ProbeController {
  constructor(private readonly users: UsersService) {}

  @Get(':id')
  async probe(@Param('id') id: string) {
    seenIds.push(id);
    return this.users.publicProfile(id);
  }
}

describe('UsersService', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const user = Object.assign(new User(), {
      id: '6d1c3d8e-2a8f-4f44-9b39-0f5d7a4f9a11',
      email: 'ada@example.com',
      displayName: 'Ada',
      avatarUrl: null,
      country: 'GB',
    });
    rows.set(user.id, user);
    const moduleRef = await Test.createTestingModule({
      controllers: [ProbeController],
      providers: [
        UsersService,
        {
          provide: getRepositoryToken(User),
          useValue: {
            findOneBy: async ({ id }: { id: string }) => rows.get(id) ?? null,
            findOne: async ({ where }: { where: { email: string } }) => [...rows.values()].find((u) => u.email === where.email) ?? null,
          },
        },
      ],
    }).compile();
    app = moduleRef.createNestApplication();
    await app.init();
  });

  afterAll(async () => {
    await app.close();
  });

  it('serves a public profile and caches it', async () => {
    const res = await request(app.getHttpServer()).get('/probe/6d1c3d8e-2a8f-4f44-9b39-0f5d7a4f9a11').expect(200);
    expect(res.body).toEqual({ id: '6d1c3d8e-2a8f-4f44-9b39-0f5d7a4f9a11', displayName: 'Ada', avatarUrl: null, country: 'GB' });
    expect(seenIds).toHaveLength(1);
  });

  it('answers 404 for an unknown id', async () => {
    await request(app.getHttpServer()).get('/probe/00000000-0000-4000-8000-000000000000').expect(404);
  });
});
