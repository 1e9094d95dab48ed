/**
 * The headers an import file may carry (issue 3), listed in the import
 * dialog before a file is chosen. Headers are Chinese in every UI language:
 * they are what the clerk's Excel sheet says.
 */
export const CUSTOMER_IMPORT_COLUMNS = [
  '客户编码*',
  '客户名称*',
  '简称',
  '类型',
  '等级',
  '地区',
  '地址',
  '统一社会信用代码',
  '开户行',
  '银行账号',
  '信用额度',
  '账期天数',
  '业务员',
  '状态',
  '联系人',
  '手机',
  '电话',
  '邮箱',
  '备注',
] as const;

export const PRODUCT_IMPORT_COLUMNS = ['产品编码*', '产品名称*', '规格', '单位', '单价'] as const;
