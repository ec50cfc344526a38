/** Canned API answers for the networks tests, shaped as the API answers them. */
const stamps = { created_at: '2025-01-01T00:00:00Z', updated_at: '2025-01-01T00:00:00Z' };

export const gnlc = {
  id: 1, slug: 'unesco-gnlc', scope: 'global', status: 'active', member_count: 128, founded_year: 2015,
  name: { en: 'UNESCO Global Network of Learning Cities', th: 'เครือข่ายเมืองแห่งการเรียนรู้โลกของยูเนสโก' },
  secretariat: { en: 'UNESCO Institute for Lifelong Learning', th: 'สถาบันยูเนสโกเพื่อการเรียนรู้ตลอดชีวิต' },
  website: 'https://www.uil.unesco.org/en/learning-cities', country: null, description: null, ...stamps,
};

export const thailand = {
  id: 2, slug: 'thailand-learning-cities', scope: 'national', status: 'active', member_count: 0, founded_year: null,
  name: { en: 'Thailand Network of Learning Cities', th: 'เครือข่ายเมืองแห่งการเรียนรู้ประเทศไทย' },
  secretariat: { en: 'University of Phayao', th: 'มหาวิทยาลัยพะเยา' },
  website: null, country: 'TH', description: null, ...stamps,
};

export const asean = {
  id: 3, slug: 'asean-learning-cities', scope: 'regional', status: 'planned', member_count: 0, founded_year: null,
  name: { en: 'ASEAN Regional Learning City Network', th: 'เครือข่ายเมืองแห่งการเรียนรู้ระดับภูมิภาคอาเซียน' },
  secretariat: null, website: null, country: null, description: null, ...stamps,
};

export const countries = {
  total: 2,
  next_cursor: null,
  items: [
    { code: 'TH', name: { en: 'Thailand', th: 'ไทย' }, groups: ['asean', 'asean_plus_3'] },
    { code: 'IE', name: { en: 'Ireland', th: 'ไอร์แลนด์' }, groups: [] },
  ],
};

/** A member row of `/networks/{slug}/members`. */
export function member(id: number, slug: string, en: string, th: string | null, country: string, year: number | null, lat: number | null, lon: number | null) {
  return {
    membership_id: id, role: 'member', status: 'active', joined_year: year, joined_on: null, left_year: null,
    source_url: `https://example.org/source/${slug}`, note: null,
    city: { id, slug, name: { en, th }, country, province: null, lat, lon },
  };
}
