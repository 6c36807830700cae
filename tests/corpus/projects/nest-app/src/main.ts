import 'reflect-metadata';
import { Module, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiKey } from './auth/api-keys.service';
import { ApiKeyGuard } from './auth/api-key.guard';
import { ApiKeysService } from './auth/api-keys.service';
import { BillingController } from './billing/billing.controller';
import { BillingService } from './billing/billing.service';
import { DraftsController } from './drafts/drafts.controller';
import { DraftAudit, DraftsService } from './drafts/drafts.service';
import { GeoService } from './geo/geo.service';
import { User } from './users/users.service';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

@Module({
  imports: [
    TypeOrmModule.forRoot({
      type: 'postgres',
      url: process.env.DATABASE_URL,
      entities: [User, ApiKey],
      synchronize: false,
    }),
    TypeOrmModule.forFeature([User, ApiKey]),
  ],
  controllers: [UsersController, BillingController, DraftsController],
  providers: [UsersService, ApiKeysService, ApiKeyGuard, BillingService, DraftsService, DraftAudit, GeoService],
})
class AppModule {}

async function bootstrap() {
  const app = await NestFactory.create<NestExpressApplication>(AppModule);
  app.set('trust proxy', true);
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, transform: true }));
  app.enableShutdownHooks();
  await app.listen(Number(process.env.PORT ?? 3000));
}

void bootstrap();
