// The showroom's sample book (展厅样品, docs/samples.md): samples come in from a warehouse, go
// out on loan (借样) to a salesperson or a dealer until a due date, come back (还样), or are
// written off. Plus the pulls: loans overdue as of a date, sample stock per style, rotation.
import { z } from 'zod';
import type { RowRule } from '../dataset-def';
import { choiceField, field } from '../field';
import type { Label } from '../locale';
import { skuRefField } from '../product';

const label = (zh: string, en: string): Label => ({ 'zh-CN': zh, 'en-US': en });
const option = (value: string, zh: string, en: string) => ({ value, label: label(zh, en) });

const sampleMoveKinds = ['in', 'loan', 'return', 'write-off'] as const;

const showroomField = field.code({
  label: label('展厅', 'Showroom'),
  synonyms: ['展厅编码', '样品间'],
  ref: 'locations',
  refActive: true,
});

/** One line of the sample book. */
export const sampleMoveSchema = z.object({
  moveDate: field.date({ label: label('日期', 'Date'), synonyms: ['业务日期', '借样日期'] }),
  kind: field.enum(
    {
      label: label('类型', 'Kind'),
      synonyms: ['业务类型'],
      options: [
        option('in', '样品入展厅', 'Into the showroom'),
        option('loan', '借样', 'Loan'),
        option('return', '还样', 'Return'),
        option('write-off', '报损核销', 'Write-off'),
      ],
    },
    sampleMoveKinds,
  ),
  showroomCode: showroomField,
  skuCode: skuRefField(),
  quantity: field.integer({ label: label('数量', 'Quantity'), synonyms: ['件数'], min: 1 }),
  fromLocationCode: field.code(
    { label: label('调出仓库', 'From warehouse'), synonyms: ['来源仓库'], ref: 'locations' },
    { required: false },
  ),
  staffCode: field.code(
    {
      label: label('借用人工号', 'Borrower (staff)'),
      synonyms: ['借用人', '业务员'],
      ref: 'staff',
    },
    { required: false },
  ),
  dealerCode: field.code(
    { label: label('借用经销商', 'Borrower (dealer)'), synonyms: ['经销商编码'], ref: 'dealers' },
    { required: false },
  ),
  dueDate: field.date(
    { label: label('应还日期', 'Due date'), synonyms: ['归还期限'] },
    { required: false },
  ),
  loanRef: field.code(
    { label: label('借样单号', 'Loan no.'), synonyms: ['原借样单'] },
    { required: false },
  ),
  remark: field.text({ label: label('备注', 'Remark'), max: 500 }, { required: false }),
});
export type SampleMove = z.output<typeof sampleMoveSchema>;

const has = (value: unknown) => typeof value === 'string' && value !== '';

/**
 * What each kind needs: samples in name the warehouse they come from; a loan names one
 * borrower (staff or dealer) and a due date not before the loan; a return names its loan.
 */
export const sampleMoveComplete: RowRule = (values) => {
  switch (values.kind) {
    case 'in':
      return has(values.fromLocationCode)
        ? []
        : [{ field: 'fromLocationCode', code: 'sample-from-required' }];
    case 'loan': {
      if (has(values.staffCode) === has(values.dealerCode))
        return [{ field: 'staffCode', code: 'sample-borrower-required' }];
      const due = values.dueDate;
      if (typeof due !== 'string' || due === '')
        return [{ field: 'dueDate', code: 'sample-due-required' }];
      return typeof values.moveDate === 'string' && due < values.moveDate
        ? [{ field: 'dueDate', code: 'sample-due-before-loan' }]
        : [];
    }
    case 'return':
      return has(values.loanRef) ? [] : [{ field: 'loanRef', code: 'sample-loan-required' }];
    default:
      return [];
  }
};

const borrowerKind = choiceField(label('借用人类型', 'Borrower kind'), [
  ['staff', '业务员', 'Staff'],
  ['dealer', '经销商', 'Dealer'],
]);

/** A loan not yet back, as of the pull's date. */
export const sampleOverdueSchema = z.object({
  loanRef: field.code({ label: label('借样单号', 'Loan no.') }),
  showroomCode: showroomField,
  skuCode: skuRefField(),
  styleCode: field.code({ label: label('款号', 'Style') }, { required: false }),
  borrowerKind,
  borrowerCode: field.code({ label: label('借用人', 'Borrower') }),
  loanDate: field.date({ label: label('借样日期', 'Loan date') }),
  dueDate: field.date({ label: label('应还日期', 'Due date') }),
  outstanding: field.integer({ label: label('未还数量', 'Not returned') }),
  daysOverdue: field.integer({ label: label('逾期天数', 'Days overdue') }),
});

/** Sample stock of one style in one showroom: in the showroom, out on loan, and both. */
export const sampleStockSchema = z.object({
  showroomCode: showroomField,
  styleCode: field.code({ label: label('款号', 'Style') }),
  inShowroom: field.integer({ label: label('在展数量', 'In the showroom') }),
  onLoan: field.integer({ label: label('借出数量', 'On loan') }),
  total: field.integer({ label: label('样品合计', 'Samples in all') }),
});

/** One rank of the rotation list: a slow style on show beside a best-seller the showroom lacks. */
export const sampleRotationSchema = z.object({
  rank: field.integer({ label: label('序号', 'Rank'), min: 1 }),
  slowStyleCode: field.code(
    { label: label('滞销在展款号', 'Slow style on show') },
    { required: false },
  ),
  slowSamples: field.integer({ label: label('在展样品数', 'Samples of it') }, { required: false }),
  bestStyleCode: field.code(
    { label: label('畅销未展款号', 'Best-seller not on show') },
    { required: false },
  ),
  bestShipped: field.integer({ label: label('期间发货数', 'Units shipped') }, { required: false }),
});
