import { Injectable, NotFoundException } from '@nestjs/common';

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
