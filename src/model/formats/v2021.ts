// The 2021 format (国办公开办函〔2021〕30号), used from the 2021 reports on (format-spec §2, §4.2).
import type { FormatDef } from '../format.ts';
import {
  BLOCK_MARK,
  LABEL_HEADER,
  REVIEW_LITIGATION_TABLE,
  SECTIONS,
  proactiveColumn as col,
  proactiveRow as row,
  requestRow,
  requestsTable,
} from './common.ts';

/** 第二十条第（一）项 columns. */
const DOCUMENT_COLUMNS = [
  col('issued', '本年制发件数', 'count', ['制发']),
  col('repealed', '本年废止件数', 'count', ['废止']),
  col('inForce', '现行有效件数', 'count', ['现行有效']),
];
/** 第二十条第（五）（六）项: one column spanning the three grid columns. */
const DECISIONS = [col('decisions', '本年处理决定数量', 'count', ['处理决定'])];

const OTHER = '（六）其他处理';

/** The 2021 format. */
export const FORMAT_2021: FormatDef = {
  version: '2021',
  document: '国办公开办函〔2021〕30号',
  title: '中华人民共和国政府信息公开工作年度报告格式',
  years: [2021, null],
  vocabulary: [
    '本年制发件数',
    '本年废止件数',
    '现行有效件数',
    '本年处理决定数量',
    '本年收费金额',
    '逾期不补正',
    '缴纳费用',
    '行政规范性文件',
  ],
  processingFees: true,
  sections: SECTIONS,
  tables: [
    {
      key: 'proactive',
      section: 'proactive',
      title: '主动公开政府信息情况',
      layout: 'rows',
      rows: [
        row('regulations', '规章', '第二十条第（一）项', ['规章'], DOCUMENT_COLUMNS),
        row('normativeDocuments', '行政规范性文件', '第二十条第（一）项', ['规范性文件'], DOCUMENT_COLUMNS, [
          '规范性文件',
        ]),
        row('licensing', '行政许可', '第二十条第（五）项', ['行政许可'], DECISIONS),
        row('penalties', '行政处罚', '第二十条第（六）项', ['行政处罚'], DECISIONS),
        row('coercion', '行政强制', '第二十条第（六）项', ['行政强制'], DECISIONS),
        row(
          'fees',
          '行政事业性收费',
          '第二十条第（八）项',
          ['行政事业性收费', '事业性收费'],
          [col('amount', '本年收费金额（单位：万元）', 'amount', ['收费金额', '金额'])],
        ),
      ],
      rowIdentities: [],
      vocabulary: [BLOCK_MARK, LABEL_HEADER],
      lineage: 'proactive-2021',
      blockMark: BLOCK_MARK,
      labelHeader: LABEL_HEADER,
    },
    requestsTable([
      requestRow(
        ['otherHandling', 'overdueCorrection'],
        '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
        ['逾期不补正', '不补正'],
        {
          group: OTHER,
          variants: ['1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请'],
        },
      ),
      requestRow(
        ['otherHandling', 'overdueFee'],
        '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
        ['缴纳费用', '收费通知'],
        {
          group: OTHER,
          variants: ['2.申请人逾期未按收费通知要求缴纳费用，行政机关不再处理其政府信息公开申请'],
        },
      ),
      requestRow(['otherHandling', 'other'], '3.其他', [], { group: OTHER, equals: ['其他'] }),
    ]),
    REVIEW_LITIGATION_TABLE,
  ],
};
