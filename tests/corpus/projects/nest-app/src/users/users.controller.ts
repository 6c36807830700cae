import { Controller, Get, Ip, Param, ParseUUIDPipe, Query, UseGuards } from '@nestjs/common';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { GeoService } from '../geo/geo.service';
import { UsersService } from './users.service';

@Controller('users')
@UseGuards(ApiKeyGuard)
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly geo: GeoService,
  ) {}

  @Get('lookup')
  lookup(@Query('email') email: string) {
    return this.users.findByEmail(email);
  }

  @Get('me/region')
  region(@Ip() ip: string) {
    return this.geo.locate(ip);
  }

  @Get(':id')
  profile(@Param('id', ParseUUIDPipe) id: string) {
    return this.users.publicProfile(id);
  }
}
