// The complaint datasets' handlers (shared/complaints/datasets.ts), named once in
// server/sync/registry.ts.
import { defineHandler, type DatasetHandler } from '../sync/handler';
import { complaintsOverdueDataset } from '../../shared/complaints/datasets';
import { complaintsHandler } from './complaints';
import { pullOverdue } from './overdue';
import { complaintSlasHandler } from './slas';

export function complaintHandlers(): DatasetHandler[] {
  return [
    complaintsHandler(),
    complaintSlasHandler(),
    defineHandler(complaintsOverdueDataset, { pull: pullOverdue }),
  ];
}
