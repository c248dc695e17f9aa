// GET /api/v1/meta, derived from the dataset schemas: what the add-in needs to map headers,
// validate offline, build templates and dropdowns.
import { z } from 'zod';
import type { DatasetDef, RowSchema } from './dataset-def';
import { pullFilterSchema } from './protocol';
import { fieldMeta } from './field';
import { roleSchema } from './roles';

const labelSchema = z.object({ 'zh-CN': z.string(), 'en-US': z.string() });

const fieldDescriptionSchema = z.object({
  name: z.string(),
  kind: z.enum(['text', 'code', 'integer', 'money', 'date', 'datetime', 'enum', 'boolean']),
  required: z.boolean(),
  readOnly: z.boolean(),
  label: labelSchema,
  synonyms: z.array(z.string()),
  ref: z.string().optional(),
  /** Only an active record of `ref` will do (FieldMeta.refActive). */
  refActive: z.boolean().optional(),
  options: z
    .array(z.object({ value: z.string(), label: labelSchema, synonyms: z.array(z.string()) }))
    .optional(),
  max: z.number().optional(),
  min: z.number().optional(),
  /** What a blank cell stands for (FieldMeta.default). */
  default: z
    .union([
      z.object({ value: z.union([z.string(), z.number(), z.boolean()]) }),
      z.object({
        from: z.object({ list: z.string(), by: z.string(), attribute: z.string() }),
        label: labelSchema,
      }),
    ])
    .optional(),
});
export type FieldDescription = z.infer<typeof fieldDescriptionSchema>;

const datasetDescriptionSchema = z.object({
  name: z.string(),
  label: labelSchema,
  pushable: z.boolean(),
  pullable: z.boolean(),
  pushRoles: z.array(roleSchema),
  pullRoles: z.array(roleSchema),
  /** Pushes go as one request with `atomic: true` (DatasetDef.pushAtomic). */
  atomic: z.boolean(),
  naturalKey: z.string().optional(),
  /** Rows with equal values of these fields stand or fall together (DatasetDef.groupBy). */
  groupBy: z.array(z.string()),
  /** The pull filters this dataset honours. */
  filters: z.array(pullFilterSchema.keyof()),
  /** Push options and the roles that may set each (`releaseCredit` on orders). */
  pushOptions: z.record(z.string(), z.array(roleSchema)),
  /** The dataset's records fill dropdowns and offline checks (DatasetDef.list). */
  list: z
    .object({
      unknownCode: z.string(),
      inactiveCode: z.string().optional(),
    })
    .optional(),
  fields: z.array(fieldDescriptionSchema),
});
export type DatasetDescription = z.infer<typeof datasetDescriptionSchema>;

const listEntrySchema = z.object({
  code: z.string(),
  name: z.string(),
  /** The attributes row rules look up (DatasetDef.list.attributes), when the list has any. */
  attrs: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
});
export type ListEntry = z.infer<typeof listEntrySchema>;

export const metaResponseSchema = z.object({
  limits: z.record(z.string(), z.number()),
  datasets: z.array(datasetDescriptionSchema),
  /** Master-data lists for dropdowns, by the `ref` names fields use. */
  lists: z.record(z.string(), z.array(listEntrySchema)),
  /**
   * Codes of records that exist but are inactive, by the same names: not offered in dropdowns,
   * yet valid in a field without `refActive`.
   */
  inactive: z.record(z.string(), z.array(z.string())).optional(),
});
export type MetaResponse = z.infer<typeof metaResponseSchema>;

export function describeFields(schema: RowSchema, pushSchema?: RowSchema): FieldDescription[] {
  return Object.entries(schema.shape).map(([name, fieldSchema]) => {
    const meta = fieldMeta(fieldSchema as z.ZodType);
    if (!meta) throw new Error(`field ${name} was not built with field.*`);
    const options = meta.options?.map((o) => ({
      value: o.value,
      label: o.label,
      synonyms: [...(o.synonyms ?? [])],
    }));
    return {
      name,
      kind: meta.kind,
      required: meta.required,
      readOnly: pushSchema ? !(name in pushSchema.shape) : false,
      label: meta.label,
      synonyms: [...(meta.synonyms ?? [])],
      ...(meta.ref ? { ref: meta.ref } : {}),
      ...(meta.refActive === true ? { refActive: true } : {}),
      ...(options ? { options } : {}),
      ...(meta.max === undefined ? {} : { max: meta.max }),
      ...(meta.min === undefined ? {} : { min: meta.min }),
      ...(meta.default === undefined ? {} : { default: meta.default }),
    };
  });
}

export function describeDataset(def: DatasetDef): DatasetDescription {
  const schema = def.pull?.schema ?? def.push?.schema;
  if (!schema) throw new Error(`dataset ${def.name} has neither push nor pull`);
  return {
    name: def.name,
    label: def.label,
    pushable: def.push !== undefined,
    pullable: def.pull !== undefined,
    pushRoles: [...(def.push?.roles ?? [])],
    pullRoles: [...(def.pull?.roles ?? [])],
    atomic: def.pushAtomic === true,
    ...(def.naturalKey ? { naturalKey: def.naturalKey } : {}),
    groupBy: [...(def.groupBy ?? [])],
    filters: [...(def.pull?.filters ?? [])],
    pushOptions: Object.fromEntries(
      Object.entries(def.push?.options ?? {}).map(([name, roles]) => [name, [...roles]]),
    ),
    ...(def.list
      ? {
          list: {
            unknownCode: def.list.unknownCode,
            ...(def.list.inactiveCode ? { inactiveCode: def.list.inactiveCode } : {}),
          },
        }
      : {}),
    fields: describeFields(schema, def.push?.schema),
  };
}
