import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiKey } from './auth/api-keys.service';
import { ApiKeyGuard } from './auth/api-key.guard';
import { ApiKeysService } from './auth/api-keys.service';
import { BillingController } from './billing/billing.controller';
import { BillingService } from './billing/billing.service';
import { DraftsController } from './drafts/drafts.controller';
import { DraftsService } from './drafts/drafts.service';
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
  providers: [UsersService, ApiKeysService, ApiKeyGuard, BillingService, DraftsService, GeoService],
})
export class AppModule {}
