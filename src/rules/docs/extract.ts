// The documentation of the findings of extraction (extract/…), rules generated in src/rules/extraction.ts: what each checks,
// why, how to fix it, and its examples (docs/rules/).
import { baseReport, AGENCY, edit, change, T3_HEADER, xlsxFixture, type RuleDocs } from './kit.ts';

export const docs: readonly RuleDocs[] = [
  {
    id: 'extract/no-report',
    what: {
      zh: '文档读出来了，但其中既没有年度报告六个部分的标题（“一、总体情况”等），也没有三张统计表的行名（“规章”“本年新收政府信息公开申请数量”“行政复议”等）：它不是一份政府信息公开工作年度报告。消息给出文档的字数。',
      en: 'The document was read, but holds neither the headings of the six sections nor a row label of the three tables: it is not an annual report on government information disclosure.',
    },
    why: {
      zh: '年度报告按统一格式编制（国办公开办函〔2021〕30号），由六个部分和三张统计表组成；没有这些内容的文件无法作为年度报告核对和汇总。常见原因是提交错了文件（通知、附件说明、其他报告）。',
      en: 'A report follows the national format of six sections and three tables (国办公开办函〔2021〕30号); a file without them is most often the wrong file submitted.',
    },
    fix: {
      zh: '确认提交的是年度报告本身；扫描件请确认已读取（见 [[read/no-text-layer]]）。',
      en: 'Check that the file is the report itself; for a scan, see [[read/no-text-layer]].',
    },
    example: {
      defect: {
        zh: '提交的文件是一则会议通知，不是年度报告。',
        en: 'The file submitted is a meeting notice, not the annual report.',
      },
      text: () =>
        '关于召开政务公开工作会议的通知\n\n各科室：定于下周一上午九时在三楼会议室召开政务公开工作会议，请准时参加。\n',
    },
  },
  {
    id: 'extract/unreadable-figure',
    what: {
      zh: '统计表某一栏的数字无法可靠识别：文字识别（OCR）对它没有把握（置信度低、单独一个字被认成汉字、数字位数与所占宽度不符），或其中有无法辨认的字符“�”。nianbao 不猜测数字，该单元格留空并给出原文。',
      en: 'A figure cannot be read reliably (an unsure OCR reading, or an unreadable character "�"); nianbao does not guess: the cell is left blank and the text shown.',
    },
    why: {
      zh: '统计表的每个数字都要能逐项核对和汇总（format-spec §8）。猜出来的数字比空着更糟：它看起来可信，却可能是错的。',
      en: 'Every figure is checked and summed (format-spec §8); a guessed figure looks trustworthy and may be wrong, which is worse than a blank.',
    },
    fix: {
      zh: '对照原件（纸质件或定稿文件）核对该单元格，在报告中填写正确的数字；能提供带文字层的 PDF 或 Word 文件的，改用原文件。',
      en: 'Check the cell against the original and write the right figure; use the original document instead of a scan where possible.',
    },
    example: {
      defect: {
        zh: '表三“（一）予以公开”一行自然人栏的数字后面有一个无法辨认的字符“�”（如 OCR 存疑或编码损坏时留下的）。',
        en: 'Table 3, （一）予以公开: the natural-person figure is followed by an unreadable character "�".',
      },
      text: (t) => edit(t, '（一）予以公开\t\t41\t5', '（一）予以公开\t\t41\ufffd\t5'),
      also: [T3_HEADER],
    },
  },
  {
    id: 'extract/extra-cells',
    what: {
      zh: '统计表某一行的数字多于该行的栏数（例如表三一行有八个数字，而表三只有自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计七栏）。nianbao 按本行“总计 = 各栏之和”找出唯一可以去掉的那个数字，略去它，读取其余数字。',
      en: 'A row has more figures than columns; the one figure whose removal makes the row total add up was left out.',
    },
    why: {
      zh: '表三的七栏、表四的十五栏是统一格式规定的（format-spec §5.1、§6），每栏一个数字。多出的数字通常是重复录入、拆分合并单元格时多出一格，或把说明文字中的数字填进了表格。按合计关系判断多余的是哪一个只是推断，应由填报单位确认。',
      en: 'The national tables have fixed columns (format-spec §5.1, §6); an extra figure is usually a duplicate, and dropping it is an inference.',
    },
    fix: {
      zh: '删去多余的数字，使每一栏恰好一个数字；再核对本行其余数字和总计。',
      en: 'Delete the extra figure so that every column holds exactly one figure.',
    },
    example: {
      defect: {
        zh: '表三“（一）予以公开”一行的自然人数 41 录入了两次，一行有八个数字。',
        en: 'Table 3, （一）予以公开: the figure 41 typed twice, eight figures in the row.',
      },
      text: (t) => edit(t, '（一）予以公开\t\t41\t5', '（一）予以公开\t\t41\t41\t5'),
      also: [T3_HEADER],
    },
  },
  {
    id: 'extract/missing-cells',
    what: {
      zh: '统计表某一行的数字少于栏数，但单元格的位置仍可辨认（如用制表符分隔的文本中少了末尾几格），nianbao 已按列位置对齐读取，缺少的单元格按空白处理。',
      en: 'A row has fewer figures than columns; they were placed by the column grid and the missing cells are blank.',
    },
    why: {
      zh: '统一格式的每一栏都应填写（format-spec §5.3）。缺少的单元格读作空白，不当作 0；空白的分项或总计会使表内核对无法进行，另见 [[blank-cell]]、[[blank-total]]。',
      en: 'Every cell of the format is to be filled (format-spec §5.3); a missing cell is read as blank, never as 0.',
    },
    fix: {
      zh: '补齐该行缺少的数字，没有发生的填 0。',
      en: 'Fill in the missing figures, 0 where there is nothing.',
    },
    example: {
      defect: {
        zh: '表三“1.属于国家秘密”一行少了末尾的总计一格，只有六个数字。',
        en: 'Table 3, 1.属于国家秘密: the last cell (总计) is missing, six figures.',
      },
      text: (t) => edit(t, /(1\.属于国家秘密(?:\t0){6})\t0\n/, '$1\n'),
      also: [T3_HEADER],
    },
  },
  {
    id: 'extract/unplaced-cells',
    what: {
      zh: '统计表某一行的数字少于栏数，又无法判断各数字属于哪一栏（例如一行只写了一个数字），这一行全部按空白处理。',
      en: 'A row has fewer figures than columns and their columns cannot be told; the whole row is left blank.',
    },
    why: {
      zh: '数字在哪一栏决定了它的含义（自然人还是法律服务机构，维持还是纠正）。无法确定栏位时 nianbao 不猜测（design.md 原则 2“不臆造”），这一行的数字因此全部缺失，表三勾稽关系等核对也会随之报错。',
      en: 'The column gives a figure its meaning; nianbao does not guess (design.md principle 2), so the row is lost and the sums fail.',
    },
    fix: {
      zh: '按统一格式把该行每一栏的数字都填上（没有的填 0），不要只写合计。',
      en: 'Write a figure in every column of the row (0 where there is nothing), not only the total.',
    },
    example: {
      defect: {
        zh: '表三“四、结转下年度继续办理”一行只写了合计 5，没有逐栏填写。',
        en: 'Table 3, 四、结转下年度继续办理: only the total 5 is written.',
      },
      text: (t) => edit(t, /四、结转下年度继续办理\t.*\n/, '四、结转下年度继续办理\t5\n'),
      also: [T3_HEADER],
    },
  },
  {
    id: 'extract/ambiguous-cells',
    what: {
      zh: '统计表某一行的数字无法与栏目唯一对应：数字多于栏数，而去掉其中哪一个都说得通或都说不通（ambiguousCells）；或数字连在一起，有不止一种拆分方法都符合本行合计（unsplittable）。这一行全部按空白处理。',
      en: 'The figures of a row cannot be matched to its columns in one way only; the row is left blank.',
    },
    why: {
      zh: '一个数字放错一栏，含义就变了；有多种可能时 nianbao 不替填报单位选择（design.md 原则 2），这一行因此没有读出，相关的合计核对也会报错。',
      en: 'A figure in the wrong column changes its meaning; nianbao does not choose for the author (design.md principle 2).',
    },
    fix: {
      zh: '删去多余的数字，或用单元格（制表符）把连在一起的数字分开，使每一栏恰好一个数字。',
      en: 'Remove the extra figure, or separate run-together figures into cells, one per column.',
    },
    example: {
      defect: {
        zh: '表三“（一）予以公开”一行多录入了一个 1，一行有八个数字，去掉哪一个 1 都符合本行合计。',
        en: 'Table 3, （一）予以公开: an extra 1, and any of the 1s could be the extra one.',
      },
      text: (t) => edit(t, '（一）予以公开\t\t41\t5', '（一）予以公开\t\t41\t1\t5'),
      also: [T3_HEADER],
    },
  },
  {
    id: 'extract/split-digits',
    what: {
      zh: '统计表某一行的数字连写在一起、没有分隔（常见于从网页复制的文本，如“二、上年结转政府信息公开申请数量5100006”），nianbao 按本行“总计 = 各栏之和”找到了唯一的拆分方法并据此读取。这些数字是推断值，在输出中标注。',
      en: 'Run-together figures were split in the only way the row total allows; the figures are inferred.',
    },
    why: {
      zh: '提示性质：拆分结果符合合计关系且唯一，但仍是推断，不是从单元格中直接读出的。发布的报告应让读者直接看清每一栏的数字。',
      en: 'The split is unique but inferred; a published report should show each figure in its own cell.',
    },
    fix: {
      zh: '发布时保留表格结构（网页表格、Word 表格），纯文本中用制表符分隔单元格；核对拆分出的数字。',
      en: 'Keep the table structure when publishing; check the figures that were split.',
    },
    example: {
      defect: {
        zh: '表三“二、上年结转政府信息公开申请数量”一行从网页复制时丢了单元格分隔，数字连成“5100006”。',
        en: 'Table 3, 二、上年结转: the cells ran together as "5100006" when copied from a web page.',
      },
      text: (t) =>
        edit(t, /二、上年结转政府信息公开申请数量\t.*\n/, '二、上年结转政府信息公开申请数量5100006\n'),
      also: [T3_HEADER],
    },
  },
  {
    id: 'extract/unknown-row',
    what: {
      zh: '统计表中有统一格式没有的行（例如地方模板自行增加的“其他主动公开文件”），该行不计入报告的数据。',
      en: 'A table has a row that is not in the national format; it is not part of the report data.',
    },
    why: {
      zh: '年度报告统一格式由全国政府信息公开工作主管部门依《条例》第五十条公布（国办公开办函〔2019〕60号、〔2021〕30号）。自行增加的行使各单位的报告无法逐栏比较和汇总（format-spec §10.2 所见的地方模板即有此问题）。',
      en: 'The national format is set under 条例第五十条; added rows make reports impossible to compare and sum (format-spec §10.2).',
    },
    fix: {
      zh: '删去自行增加的行，相关情况改在正文中用文字说明；如果只是行标签写法不同，改用统一格式的标签。',
      en: 'Remove the added row and describe it in the text; if it is only a differently worded label, use the official one.',
    },
    example: {
      defect: {
        zh: '表二第二十条第（一）项下自行增加了一行“其他主动公开文件”。',
        en: 'Table 2 （一）: a local row 其他主动公开文件 added.',
      },
      text: (t) => edit(t, /(行政规范性文件\t3\t1\t14\n)/, '$1其他主动公开文件\t126\t0\t126\n'),
    },
  },
  {
    id: 'extract/duplicate-row',
    what: {
      zh: '同一行在统计表中出现了两次，nianbao 只采用第一次出现的数字。',
      en: 'A row appears twice in a table; the first one is used.',
    },
    why: {
      zh: '重复的行多来自复制粘贴。两次的数字不同时无法判断哪一个是实际情况，汇总时也可能重复计算。',
      en: 'A duplicated row is usually a paste slip; when the two differ nobody can tell which is right.',
    },
    fix: {
      zh: '删去重复的一行，核对保留下来的数字。',
      en: 'Delete the duplicate and check the figures that remain.',
    },
    example: {
      defect: {
        zh: '表三“2.重复申请”一行粘贴了两次。',
        en: 'Table 3, 2.重复申请: the row pasted twice.',
      },
      text: (t) => edit(t, /(\t\t2\.重复申请.*\n)/, '$1$1'),
      also: [T3_HEADER],
    },
  },
  {
    id: 'extract/missing-row',
    what: {
      zh: '统计表缺少统一格式中的某一行（例如表三漏了“7.属于行政执法案卷”），该行的数字按空白处理。',
      en: 'A row of the national format is missing from a table; its figures are blank.',
    },
    why: {
      zh: '统一格式的行不应删减，2021 年格式要求报告内容“不能遗漏”（format-spec §3.1）。少了一行，“（七）总计”就无法逐项核对，汇总时该行也会缺数。',
      en: 'The rows of the format are not to be dropped (2021 format: "不能遗漏"); a missing row also defeats the totals.',
    },
    fix: {
      zh: '按统一格式补上缺少的行，没有发生的填 0。',
      en: 'Add the missing row, with 0 where there is nothing.',
    },
    example: {
      defect: {
        zh: '表三漏了“7.属于行政执法案卷”一行。',
        en: 'Table 3: the row 7.属于行政执法案卷 is missing.',
      },
      text: (t) => edit(t, /\t\t7\.属于行政执法案卷.*\n/, ''),
    },
  },
  {
    id: 'extract/missing-table',
    what: {
      zh: '没有找到三张统计表之一：“二、主动公开政府信息情况”“三、收到和处理政府信息公开申请情况”或“四、政府信息公开行政复议、行政诉讼情况”的表格。',
      en: 'One of the three statistics tables (sections 二, 三, 四) was not found.',
    },
    why: {
      zh: '《条例》第五十条第（一）至（三）项要求年度报告包括主动公开政府信息、收到和处理政府信息公开申请、因政府信息公开工作被申请行政复议和提起行政诉讼的情况，统一格式以这三张表报告（format-spec §4–§6）。没有表，这部分数据就无从核对和汇总。',
      en: '条例第五十条（一）–（三） require these figures and the format reports them in these tables (format-spec §4–§6).',
    },
    fix: {
      zh: '在相应部分加入统一格式的统计表。表格已填写的，检查表头用语（如“第二十条第（一）项”“申请人情况”“结果维持”）是否与统一格式一致，表格是否被转成了图片。',
      en: 'Add the table; if it is there, check that its headers use the official wording and that it is not an image.',
    },
    example: {
      defect: {
        zh: '“三、收到和处理政府信息公开申请情况”只有文字，没有统计表（表格以图片插入，文本中没有留下）。',
        en: 'Section 三 has its text but no table (it was pasted as an image).',
      },
      text: (t) => {
        const lines = t.split('\n');
        const from = lines.findIndex((l) => l.startsWith('（本列数据的勾稽关系'));
        const to = lines.findIndex((l) => l.startsWith('四、结转下年度继续办理'));
        lines.splice(from, to - from + 1);
        return lines.join('\n');
      },
    },
  },
  {
    id: 'extract/unit-converted',
    what: {
      zh: '金额栏写了“元”（如“1263500元”），而统计表的金额以万元为单位，nianbao 已换算为万元读取。',
      en: 'An amount written in 元 was converted to 万元, the unit of the table.',
    },
    why: {
      zh: '2021 年格式表二第二十条第（八）项的表头为“本年收费金额（单位：万元）”；2019 年格式的“采购总金额”没有印单位，各地写法不一（format-spec §4.1、§4.2、§8.3 T2-6）。单位不统一，汇总时就会相差一万倍。',
      en: 'The 2021 header says 万元; the 2019 amount has no printed unit (format-spec §4.1, §4.2, §8.3 T2-6); mixed units break sums.',
    },
    fix: {
      zh: '按表头单位（万元）填写数字，单元格中不写单位字样。',
      en: 'Write the amount in 万元, as a bare number.',
    },
    example: {
      defect: {
        zh: '表二“行政事业性收费”的本年收费金额写成了“1263500元”。',
        en: 'Table 2: the fee amount written as "1263500元".',
      },
      text: (t) => edit(t, '行政事业性收费\t126.35', '行政事业性收费\t1263500元'),
    },
  },
  {
    id: 'extract/format-version-unknown',
    what: {
      zh: '表格中找不到能区分 2019 年（试行）格式和 2021 年格式的用语，nianbao 只能按读出行数最多的格式读取，消息中说明按哪一版读取。',
      en: 'No wording of the tables tells the 2019 format from the 2021 one; the report was read with the format that fits best.',
    },
    why: {
      zh: '两版表二的栏目不同且不能相互换算（format-spec §4.3），表三“（六）其他处理”的行也不同。识别版本主要靠表二的表头用语（format-spec §2）；缺少表二或表头被改写时，数字可能被读进错误的栏目。',
      en: 'The two versions differ in table 2 and in table 3 （六） (format-spec §2, §4.3); the wrong version puts figures in wrong columns.',
    },
    fix: {
      zh: '按报告年度适用的格式完整填写表二（其表头用语就是版本标志）：2019、2020 年度用 2019 年（试行）格式，2021 年度起用 2021 年格式。另见 [[format-version]]。',
      en: 'Fill in table 2 of the format of the report year; its headers tell the version.',
    },
    example: {
      defect: {
        zh: '2020 年度报告的“二、主动公开政府信息情况”只有文字、没有表二，其余表格中没有区分两版格式的用语。',
        en: 'A 2020 report without table 2; nothing else tells the format version.',
      },
      base: () => baseReport('2019'),
      report: change((r) => {
        r.sections.proactive =
          '2020年，本局依法做好主动公开工作，及时公开规范性文件、行政许可、行政处罚等政府信息。';
      }),
      text: (t) => {
        const lines = t.split('\n');
        const from = lines.findIndex((l) => l.startsWith('第二十条第（一）项'));
        const to = lines.findIndex((l) => l.startsWith('政府集中采购'));
        lines.splice(from, to - from + 1);
        return lines.join('\n');
      },
    },
  },
  {
    id: 'extract/agency-missing',
    what: {
      zh: '标题中没有找到报告机关的名称（通行写法为“机关全称 + ××年政府信息公开工作年度报告”）。',
      en: 'The title does not name the reporting body.',
    },
    why: {
      zh: '年度报告是各行政机关各自的法定报告（《条例》第四十九条），汇总、比对和查重都以机关为单位；机关的层级和性质还决定部分规则，如 [[T2-5]]（规章制定权）、[[X-3]]（人民政府的考核、评议和追究情况）。',
      en: 'Each body publishes its own report (条例第四十九条); some rules depend on what kind of body it is.',
    },
    fix: {
      zh: '在标题中写明机关全称和报告年度。',
      en: 'Put the full name of the body and the year in the title.',
    },
    example: {
      defect: {
        zh: '标题只写了“2022年政府信息公开工作年度报告”，没有机关名称，正文第一句也只说“我局”。',
        en: 'The title has no agency name, and the first sentence says only "我局" (our bureau).',
      },
      text: (t) =>
        edit(
          edit(t, `${AGENCY}2022年政府信息公开工作年度报告`, '2022年政府信息公开工作年度报告'),
          `2022年，${AGENCY}认真`,
          '2022年，我局认真',
        ),
    },
  },
  {
    id: 'extract/year-missing',
    what: {
      zh: '标题和前言中都没有找到报告年度（标题中的“××年”，或前言中“本报告所列数据统计期限为××年1月1日至12月31日”）。',
      en: 'Neither the title nor the preamble gives the year reported on.',
    },
    why: {
      zh: '报告年度决定适用哪一版格式（2019、2020 年度用 2019 年（试行）格式，2021 年度起用 2021 年格式，format-spec §2），也是报送期限（《条例》第四十九条）和跨年核对的依据。',
      en: 'The year decides the format version (format-spec §2) and the deadline (条例第四十九条).',
    },
    fix: {
      zh: '在标题中写明年度，并在前言写明统计期限。',
      en: 'Give the year in the title and the statistics period in the preamble.',
    },
    example: {
      defect: {
        zh: '标题没有年度，前言也没有写统计期限。',
        en: 'No year in the title and no statistics period in the preamble.',
      },
      text: (t) =>
        edit(
          edit(t, `${AGENCY}2022年政府信息公开工作年度报告`, `${AGENCY}政府信息公开工作年度报告`),
          '本报告所列数据统计期限为2022年1月1日至12月31日。',
          '',
        ),
    },
  },
  {
    id: 'extract/year-conflict',
    what: {
      zh: '标题中的年度与前言写明的统计期限年度不一致，nianbao 采用统计期限的年度。',
      en: 'The year of the title differs from the statistics period; the period is used.',
    },
    why: {
      zh: '多见于沿用上一年的报告而没有改年份。2021 年格式“三、有关要求（四）明确责任”把“发布内容不准确”“内容雷同”列为要追究责任的问题（format-spec §3.1）。',
      en: 'Usually last year’s report reused; the 2021 format names inaccurate and copied reports as sanctioned problems.',
    },
    fix: {
      zh: '核对并统一标题、统计期限和正文中的年份。',
      en: 'Make the years of the title, the period and the text agree.',
    },
    example: {
      defect: {
        zh: '前言的统计期限沿用了上一年的“2021年1月1日至12月31日”。',
        en: 'The statistics period still says 2021.',
      },
      text: (t) => edit(t, '统计期限为2022年1月1日', '统计期限为2021年1月1日'),
    },
  },
  {
    id: 'extract/internal',
    what: {
      zh: '抽取一份文档时程序内部出错（nianbao 的缺陷，不是文档的问题）。这份文件没有报告，其余文件照常处理。',
      en: 'Extraction failed on a document because of a bug in nianbao, not a problem of the document; the file gives no report and the batch goes on.',
    },
    why: {
      zh: '文档的问题都以诊断报告，只有程序错误才会抛出异常（docs/architecture.md 原则 4）；出错时把它变成一条诊断，一个文件不会中断整批。',
      en: 'Problems of documents are findings and only bugs throw (principle 4); a bug is caught and reported so that one file does not stop a batch.',
    },
    fix: {
      zh: '请把这份文件和消息中的错误信息报告给 nianbao 的维护者。',
      en: 'Report the file and the error of the message to the maintainers of nianbao.',
    },
    unshown: {
      zh: '没有示例：正确的程序不会出现这条诊断，任何示例文件都不会触发它。',
      en: 'No example: a correct program never gives it, so no example file can show it.',
    },
  },
  {
    id: 'extract/xlsx-data-disagrees',
    what: {
      zh: '工作簿（nianbao render --to xlsx 写出后又经人修改）既有统计表的版式表，又有逐格列出数字的 data 数据表，两者的数字不一致：某格只在数据表中填写、两边数字不同、数据表中的值不是数字，或数据表的一行不是报告中的单元格。nianbao 读取版式表的数字（正式格式，作者填写和修改的地方），数据表中不一致的数字不采用；每一处给出两边的单元格和数字。',
      en: 'A workbook (written by nianbao render --to xlsx, then edited) has both the layout sheets and the flat data sheet, and they disagree: a figure typed only into the data sheet, a figure changed on one side, a data-sheet value that is no figure, or a data-sheet row that names no cell. nianbao reads the layout sheets (the official look, where an author types); a data-sheet figure that disagrees is not used, and each one is named with both cells and values.',
    },
    why: {
      zh: '同一个数字有两处可填，读取时若默默采用其中一处，另一处填写的数字就不声不响地丢失了（不虚构、也不丢弃数字）。以版式表为准，并逐处指出不一致，作者才能确认哪个数字是对的。',
      en: 'A figure that can be typed in two places is lost without a word when one of them is silently chosen; the layout decides, and every disagreement is shown so that the author can tell which figure is right.',
    },
    fix: {
      zh: '在版式表（统计表所在的工作表）中填写或改正数字；data 数据表只是供筛选和数据透视的副本，可以删除，或用 nianbao render --to xlsx 重新生成。填写新报告请用 nianbao new 生成的模板，它没有数据表。',
      en: "Type or correct the figure in the layout sheet; the data sheet is a copy for filters and pivot tables: delete it, or write it again with nianbao render --to xlsx. A new report is best filled in nianbao new's template, which has no data sheet.",
    },
    example: {
      defect: {
        zh: '在 render --to xlsx 写出的工作簿中，表三“本年新收/自然人”只在版式表中改了，表四“行政复议/结果维持”只在 data 数据表中改了（test/fixtures/xlsx/data-disagrees.xlsx）。',
        en: 'In a workbook of render --to xlsx, a figure of table 3 was changed in the layout sheet only and one of table 4 in the data sheet only (test/fixtures/xlsx/data-disagrees.xlsx).',
      },
      pdf: () => xlsxFixture('data-disagrees.xlsx'),
    },
  },
];
