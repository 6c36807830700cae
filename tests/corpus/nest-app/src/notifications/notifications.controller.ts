import { Controller, Get, Headers, Query } from '@nestjs/common';
import memoizee from 'memoizee';
import { NotificationsService, type Notification } from './notifications.service';

@Controller('notifications')
export class NotificationsController {
  private readonly unreadCount = memoizee((userId: string) => this.notifications.countUnread(userId), {
    promise: true,
    max: 5_000,
    maxAge: 15_000,
  });

  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  async list(@Headers('x-user-id') userId: string, @Query('limit') limit = '20') {
    const items = await this.notifications.latest(userId, Number(limit));
    // Group by day within this response only.
    const byDay = new Map<string, Notification[]>();
    for (const item of items) {
      const day = item.createdAt.slice(0, 10);
      byDay.set(day, [...(byDay.get(day) ?? []), item]);
    }
    return { days: [...byDay].map(([day, entries]) => ({ day, entries })), unread: await this.unreadCount(userId) };
  }

  @Get('unread')
  async unread(@Headers('x-user-id') userId: string) {
    return { count: await this.unreadCount(userId) };
  }
}
