// The documentation of the findings of keeping a library (library/…, src/library.ts): what each says, why, and what
// to do. They come from `nianbao import`, not from `nianbao check`, so their pages show the messages.
import type { RuleDocs } from './kit.ts';

export const docs: readonly RuleDocs[] = [
  {
    id: 'library/region-mismatch',
    what: {
      zh: '导入时，机构名称开头的地名不在 `--region` 给出的地区内（三门峡市下导入了“新乡市牧野区人民政府”），或是该地区之上的地方（三门峡市下导入了“河南省机关事务管理局”）。地名按国家行政区划（GB/T 2260 及其下的乡镇街道）核对。',
      en: 'On import, the place an agency’s name begins with is not inside the region given with `--region` (新乡市牧野区人民政府 under 三门峡市), or is a place above it (河南省机关事务管理局 under 三门峡市). Places are checked against the national divisions (GB/T 2260 and the townships below).',
    },
    why: {
      zh: '资料库按地区管理报告：缺报统计、地区汇总都以地区为准。一份放错地区的报告会让它所在的地区显示缺报，又让导入的地区多加一份。只在能确定时提示：名称里没有已知地名、地区不在行政区划中（如某些功能区）、或同名地方有一个在该地区内时，都不提示。',
      en: 'The library keeps reports by region: who has not reported and a region’s sum both follow it. A report filed under the wrong region shows its own region as missing it and adds it to another. Said only when certain: not for a name without a known place, a region the divisions do not hold (some development zones), or a name one of whose places lies inside the region.',
    },
    fix: {
      zh: '核对 `--region`，或这份文件是否放错了文件夹；用正确的地区重新导入（`nianbao import --region 河南省/新乡市 文件`）。确属该地区的机构（名称沿用旧地名等）可以不理会。',
      en: 'Check `--region`, or whether the file is in the wrong folder, and import it under the right region (`nianbao import --region 河南省/新乡市 FILE`). A body that does belong there (a name keeping an old place name) may be left as it is.',
    },
    unshown: {
      zh: '没有示例：这条诊断由导入（`nianbao import --region`）给出，不由 `nianbao check` 对单个文件给出。',
      en: 'No example: the finding comes from an import (`nianbao import --region`), not from `nianbao check` on a file.',
    },
  },
];
