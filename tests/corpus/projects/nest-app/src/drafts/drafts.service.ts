import { Injectable, Logger, NotFoundException, Scope } from '@nestjs/common';

export interface Draft {
  formId: string;
  ownerId: string;
  fields: Record<string, unknown>;
  updatedAt: Date;
  submittedAt?: Date;
}

/**
 * Form drafts autosaved from the browser every few seconds. This map is the only copy of a draft
 * until it is submitted (then it is kept so the user can see what was sent).
 */
@Injectable()
export class DraftsService {
  private readonly drafts = new Map<string, Draft>(); // expect: no-unbounded-cache-in-handler

  save(ownerId: string, formId: string, fields: Record<string, unknown>): Draft {
    const key = `${ownerId}:${formId}`;
    const previous = this.drafts.get(key);
    const draft: Draft = { formId, ownerId, fields: { ...previous?.fields, ...fields }, updatedAt: new Date() };
    this.drafts.set(key, draft);
    return draft;
  }

  find(ownerId: string, formId: string): Draft {
    const draft = this.drafts.get(`${ownerId}:${formId}`);
    if (!draft) throw new NotFoundException();
    return draft;
  }

  markSubmitted(ownerId: string, formId: string): Draft {
    const draft = this.find(ownerId, formId);
    draft.submittedAt = new Date();
    return draft;
  }
}

/** Which drafts one request touched, logged when the request is done. A new instance per request. */
@Injectable({ scope: Scope.REQUEST })
export class DraftAudit {
  private readonly logger = new Logger(DraftAudit.name);
  private readonly touched = new Map<string, number>();

  touch(formId: string): void {
    this.touched.set(formId, (this.touched.get(formId) ?? 0) + 1);
  }

  flush(ownerId: string): void {
    if (this.touched.size > 0) this.logger.debug(`${ownerId} touched ${[...this.touched.keys()].join(', ')}`);
  }
}
