import memoizee from 'memoizee';
import { memoize } from 'eslint-plugin-memo-guard/memoize';
import type { Repository } from 'typeorm';

interface Report {
  id: string;
  ownerId: string;
  viewedAt?: Date;
}

export class ReportService {
  private readonly byOwner = new WeakMap<object, Map<string, Report[]>>();

  constructor(private readonly repo: Repository<Report>) {
    // Per-instance memoizers bound in the constructor.
    this.find = memoizee(this.find.bind(this), { promise: true, max: 500 });
  }

  async find(id: string): Promise<Report | null> {
    return this.repo.findOne({ where: { id } });
  }

  /** A class field memoizer that saves what it reads: a hit never marks the report viewed. */
  readonly markViewed = memoize(async (id: string) => { // expect: no-side-effect-memoize
    const report = await this.repo.findOne({ where: { id } });
    if (report) await this.repo.save({ ...report, viewedAt: new Date() });
    return report;
  });

  /** A class field memoizer that only reads. */
  readonly owner = memoize(async (id: string) => (await this.repo.findOne({ where: { id } }))?.ownerId);

  /** A hand-written per-instance cache in a WeakMap: nothing shared. */
  reportsOf(ownerId: string): Report[] {
    let perOwner = this.byOwner.get(this);
    if (!perOwner) {
      perOwner = new Map();
      this.byOwner.set(this, perOwner);
    }
    return perOwner.get(ownerId) ?? [];
  }
}
