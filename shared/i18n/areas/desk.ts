/**
 * Strings of the clerk's desk: the unsaved-changes guard, the shortcut sheet
 * (F1 / ?), the help page on the receivables rules, and the first-run
 * office setup.
 */
import type { Widen } from '../widen';

export const deskZh = {
  guard: {
    discard: '放弃未保存的修改？',
  },
  shortcuts: {
    title: '键盘快捷键',
    screen: '本页面',
    everywhere: '所有页面',
    forms: '表单和对话框',
    openHelp: '阅读往来规则说明',
    keys: {
      help: '打开本快捷键说明',
      findCustomer: '找客户（编码、名称或拼音首字母）',
      enter: '下一个输入框；在最后一个输入框时保存',
      save: '保存',
      esc: '关闭下拉列表；没有下拉列表时取消',
      select: '在下拉框里直接打字筛选，回车选中并进入下一项',
      searchDown: '从搜索框进入列表',
      rowMove: '在列表行间移动',
      rowOpen: '打开选中的行',
      entryKinds: '切换单据类型（应收单、回款、退货折让……）',
    },
  },
  customerList: {
    balance: '余额',
    overdue: '逾期',
    totals: '合计',
  },
  register: {
    selectAll: '全选已加载的对账单',
    selectOne: '选择对账单 {no}',
    selected: '已选 {n} 份',
    markSent: '标记已发出',
    clear: '取消选择',
    markTitle: '将 {n} 份对账单标记为已发出',
    sentOn: '发出日期',
    marked: '已将 {n} 份对账单标记为已发出',
  },
  help: {
    title: '往来规则说明',
    intro: '本页用平实的话说明软件怎样计算应收、核销、账龄和对账单。所有页面的数字都按这些规则算出，互相一致。',
    sections: {
      sidesTitle: '借方和贷方',
      sides: '让客户欠款增加的是借方：应收单（发货）、正数期初、退还预收款。让欠款减少的是贷方：回款、退货/折让/返利、坏账核销、负数期初（期初预收）。金额一律记正数，方向由单据类型决定。',
      orderTitle: '单据的先后顺序',
      order: '同一客户的单据按日期排列；同一天里先借方后贷方；再按单号排。录入的先后不影响结果。',
      allocationTitle: '核销顺序（先到期先核销）',
      allocation: '回款先冲录入时指定的单据；没有指定的部分按到期日最早的应收先冲（到期日相同按单据日期、再按单号）。冲完还剩的钱记为预收，以后新的应收单会自动先用预收冲抵。补录或作废以前日期的单据，软件会重新推算核销，结果和按日期顺序录入完全一样。',
      dueTitle: '到期日',
      due: '应收单没有填到期日时，按单据日期加客户的账期天数；客户没有账期时用设置里的默认账期（30 天）。期初没有到期日时，当天到期。',
      agingTitle: '账龄的两种口径',
      aging: '按到期日（逾期账龄，默认）：天数 = 截止日 − 到期日，0 天及以内为未到期。按单据日期（账龄）：天数 = 截止日 − 单据日期。每笔未冲完的应收按剩余金额放进对应的区间；预收单独列出，余额 = 各区间合计 − 预收。截止日之后的单据和作废都不计入。',
      statementTitle: '对账单和确认',
      statement: '对账单列出期初余额、期间内每一笔单据（含期初）、期间合计和期末余额（含大写），并附期末的逾期账龄。对账单编号后登记为“已生成”，寄出后标记“已发出”，客户签字盖章寄回后标记“已确认”；有异议标记“有争议”并写明原因。发出超过设定天数未确认会出现在预警里。',
      voidTitle: '作废做什么',
      void: '已记账的单据不能修改或删除。发现错误时作废原单据：作废单金额相同、方向相反，日期是作废当天（不早于原单据）。作废日期之前，原单据照常计算；从作废日期起，原单据视为不存在，核销重新推算。然后录入一张正确的新单据。作废和原因都记入操作历史。',
    },
  },
};

export const deskEn: Widen<typeof deskZh> = {
  guard: {
    discard: 'Discard unsaved changes?',
  },
  shortcuts: {
    title: 'Keyboard shortcuts',
    screen: 'This screen',
    everywhere: 'Everywhere',
    forms: 'Forms and dialogs',
    openHelp: 'Read how receivables are calculated',
    keys: {
      help: 'Open this shortcut sheet',
      findCustomer: 'Find a customer (code, name or pinyin initials)',
      enter: 'Next field; saves from the last field',
      save: 'Save',
      esc: 'Close the open list; cancel when no list is open',
      select: 'Type in a select to filter, Enter picks and moves on',
      searchDown: 'From the search box into the list',
      rowMove: 'Move between rows',
      rowOpen: 'Open the focused row',
      entryKinds: 'Switch the document kind (invoice, receipt, credit note…)',
    },
  },
  customerList: {
    balance: 'Balance',
    overdue: 'Overdue',
    totals: 'Total',
  },
  register: {
    selectAll: 'Select all loaded statements',
    selectOne: 'Select statement {no}',
    selected: '{n} selected',
    markSent: 'Mark sent',
    clear: 'Clear selection',
    markTitle: 'Mark {n} statements as sent',
    sentOn: 'Sent on',
    marked: '{n} statements marked as sent',
  },
  help: {
    title: 'How receivables are calculated',
    intro: 'This page explains in plain words how the app computes balances, allocation, aging and statements. Every screen follows these rules, so their figures agree.',
    sections: {
      sidesTitle: 'Debits and credits',
      sides: 'Debits raise what a customer owes: invoices (shipments), positive opening balances, refunds of prepayments. Credits lower it: receipts, credit notes (returns, discounts, rebates), write-offs, negative opening balances (prepayments). Amounts are always positive; the kind gives the side.',
      orderTitle: 'Order of documents',
      order: "A customer's documents are ordered by date; on the same date debits come before credits; then by document number. The order of entry never changes the result.",
      allocationTitle: 'Allocation (earliest due first)',
      allocation: 'A receipt first pays the documents chosen at entry; the rest pays the open invoices with the earliest due date first (then earliest date, then number). What is left stays as a prepayment, which later invoices use up automatically. Back-dated entries and voids re-derive the allocation exactly as if everything had been entered in date order.',
      dueTitle: 'Due dates',
      due: "An invoice without a due date is due on its date plus the customer's payment term; a customer without a term uses the default from settings (30 days). An opening balance without a due date is due on its date.",
      agingTitle: 'Two aging bases',
      aging: 'By due date (overdue aging, the default): days = as-of date − due date; 0 or fewer is not yet due. By document date: days = as-of date − document date. The open amount of each invoice goes into its bucket; prepayments are a separate column, and balance = buckets − prepayments. Documents and voids after the as-of date do not count.',
      statementTitle: 'Statements and confirmation',
      statement: 'A statement lists the opening balance, every document in the period (opening rows too), period totals and the closing balance (also in words), with the aging of the closing balance. A numbered statement is "generated", then marked "sent", then "confirmed" when the signed copy returns, or "disputed" with a note. Sent statements left unconfirmed too long raise an alert.',
      voidTitle: 'What a void does',
      void: 'Posted documents are never edited or deleted. A mistake is voided: the void has the same amount on the opposite side, dated the day it is entered (never before the original). Before that date the original counts; from that date on it is as if it never existed and the allocation is re-derived. Then enter a correct new document. The void and its reason are in the history.',
    },
  },
};
