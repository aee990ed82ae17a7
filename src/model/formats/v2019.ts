// The 2019 试行 format (国办公开办函〔2019〕60号), used for the 2019 and 2020 reports (format-spec §2, §4.1).
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
  col('newlyMade', '本年新制作数量', 'count', ['新制作']),
  col('newlyPublished', '本年新公开数量', 'count', ['新公开']),
  col('totalPublished', '对外公开总数量', 'count', ['公开总数', '对外公开总']),
];
/** 第二十条第（五）（六）项 columns; 本年增/减 is signed ("减用负值表示"). */
const ITEM_COLUMNS = [
  col('previousItems', '上一年项目数量', 'count', ['上一年项目', '上年项目']),
  col('change', '本年增/减', 'signed', ['增/减', '增减', '增或减', '增加/减少']),
  col('decisions', '处理决定数量', 'count', ['处理决定']),
];

/** The 2019 format. */
export const FORMAT_2019: FormatDef = {
  version: '2019',
  document: '国办公开办函〔2019〕60号',
  title: '中华人民共和国政府信息公开工作年度报告格式（试行）',
  years: [2019, 2020],
  vocabulary: [
    '本年新制作数量',
    '本年新公开数量',
    '对外公开总数量',
    '上一年项目数量',
    '本年增/减',
    '第二十条第（九）项',
    '政府集中采购',
    '采购总金额',
    '其他对外管理服务事项',
  ],
  processingFees: false,
  sections: SECTIONS,
  tables: [
    {
      key: 'proactive',
      section: 'proactive',
      title: '主动公开政府信息情况',
      layout: 'rows',
      rows: [
        row('regulations', '规章', '第二十条第（一）项', ['规章'], DOCUMENT_COLUMNS, [
          '规章（设区的市、自治州人民政府应提供相关数据）',
        ]),
        row('normativeDocuments', '规范性文件', '第二十条第（一）项', ['规范性文件'], DOCUMENT_COLUMNS),
        row('licensing', '行政许可', '第二十条第（五）项', ['行政许可'], ITEM_COLUMNS),
        row(
          'otherAdminServices',
          '其他对外管理服务事项',
          '第二十条第（五）项',
          ['对外管理服务', '其他对外管理'],
          ITEM_COLUMNS,
        ),
        row('penalties', '行政处罚', '第二十条第（六）项', ['行政处罚'], ITEM_COLUMNS),
        row('coercion', '行政强制', '第二十条第（六）项', ['行政强制'], ITEM_COLUMNS),
        row(
          'fees',
          '行政事业性收费',
          '第二十条第（八）项',
          ['行政事业性收费', '事业性收费'],
          ITEM_COLUMNS.slice(0, 2),
        ),
        row(
          'procurement',
          '政府集中采购',
          '第二十条第（九）项',
          ['集中采购', '政府采购'],
          [
            col('projects', '采购项目数量', 'count', ['采购项目']),
            col('amount', '采购总金额', 'amount', ['采购总金额', '总金额', '金额']),
          ],
        ),
      ],
      rowIdentities: [],
      vocabulary: [BLOCK_MARK, LABEL_HEADER],
      lineage: 'proactive-2019',
      blockMark: BLOCK_MARK,
      labelHeader: LABEL_HEADER,
    },
    requestsTable([
      requestRow(['otherHandling'], '（六）其他处理', ['其他处理'], { group: '三、本年度办理结果' }),
    ]),
    REVIEW_LITIGATION_TABLE,
  ],
};
