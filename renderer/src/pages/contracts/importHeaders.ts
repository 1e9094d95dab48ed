/**
 * The headers a contract import file may carry (issue 4; the service's
 * CONTRACT_IMPORT_COLUMNS), listed in the import dialog before a file is
 * chosen. Chinese in every UI language: they are what the Excel sheet says.
 * One row per line; rows with the same 合同号 form one contract.
 */
export const CONTRACT_IMPORT_HEADERS = [
  '合同号*',
  '客户编码*',
  '合同名称',
  '合同类型',
  '签订日期',
  '开始日期',
  '结束日期',
  '状态',
  '产品编码',
  '品名',
  '规格',
  '单位',
  '数量',
  '单价',
  '合同金额',
  '付款条款',
  '返利条款',
  '备注',
] as const;
