import { NextResponse } from 'next/server';
import { dailyReport } from '@/lib/reports';

export async function GET(_req: Request, { params }: { params: { day: string } }) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(params.day)) return NextResponse.json({ error: 'day must be YYYY-MM-DD' }, { status: 400 });
  const report = await dailyReport(params.day);
  if (!report) return NextResponse.json({ error: 'no data for that day' }, { status: 404 });
  return NextResponse.json(report);
}
