import type { ScheduledEvent, Context } from 'aws-lambda';
import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';

const ddb = new DynamoDBClient({});

interface Reminder {
  userId: string;
  dueAt: number;
  message: string;
}

// Per-invocation memo of user preferences; reset at the start of every run.
const preferences = new Map<string, { channel: 'email' | 'push'; quietHours: boolean }>();

async function preferencesFor(userId: string) {
  let prefs = preferences.get(userId);
  if (!prefs) {
    const out = await ddb.send(
      new QueryCommand({ TableName: 'prefs', KeyConditionExpression: 'pk = :u', ExpressionAttributeValues: { ':u': { S: userId } } }),
    );
    const item = out.Items?.[0] ? unmarshall(out.Items[0]) : {};
    prefs = { channel: item.channel ?? 'email', quietHours: Boolean(item.quietHours) };
    preferences.set(userId, prefs);
  }
  return prefs;
}

export const handler = async (event: ScheduledEvent, context: Context) => {
  preferences.clear();
  const due: Reminder[] = event.detail?.reminders ?? [];
  let sent = 0;
  for (const reminder of due) {
    const prefs = await preferencesFor(reminder.userId);
    if (prefs.quietHours) continue;
    console.log(JSON.stringify({ requestId: context.awsRequestId, to: reminder.userId, via: prefs.channel }));
    sent++;
  }
  return { sent };
};
