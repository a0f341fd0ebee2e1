import 'server-only';
import { postcodes, regions } from '@/db/schema';
import type { EntityImporter } from '../entity';

interface RegionDraft {
  code: string;
  name: string;
}

export const regionsImporter: EntityImporter<RegionDraft> = {
  columns: [
    { name: 'code', required: true },
    { name: 'name', required: true },
  ],
  parse(r) {
    const code = r.text('code', { required: true });
    const name = r.text('name', { required: true });
    return code === null || name === null ? null : { code, name };
  },
  key: (d) => d.code,
  async write(out, drafts, _lookup, present) {
    await out.upsert({ table: regions, target: 'code', fromCsv: { name: 'name' } }, drafts, present);
  },
};

interface PostcodeDraft {
  postcode: string;
  regionCode: string;
}

export const postcodesImporter: EntityImporter<PostcodeDraft> = {
  columns: [
    { name: 'postcode', required: true },
    { name: 'region_code', required: true },
  ],
  parse(r) {
    const postcode = r.text('postcode', { required: true });
    const regionCode = r.ref('region_code', 'region', { required: true });
    return postcode === null || regionCode === null ? null : { postcode, regionCode };
  },
  key: (d) => d.postcode,
  async write(out, drafts, _lookup, present) {
    const spec = { table: postcodes, target: 'postcode', fromCsv: { region_code: 'regionCode' } } as const;
    await out.upsert(spec, drafts, present);
  },
};
