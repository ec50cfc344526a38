/** API answers for the data page tests, taken from the service (trimmed). */
import type { components } from '@/api/schema';
import { provenance } from '@/test/provenance';

type S = components['schemas'];

export const datasets: S["DatasetList"] = {
  "items": [
    {
      "slug": "learning-cities",
      "title": "Thailand Learning City Platform: all public data",
      "description": "Countries, Thai provinces, learning cities, networks and memberships, award cycles and published awards, and evaluation criteria, as published by the platform at the moment of download.",
      "licence": "The compilation is published under CC BY 4.0; each source keeps its own licence (see attribution).",
      "attribution": [
        "Coordinates, populations and many Thai city names: GeoNames (geonames.org), CC BY 4.0.",
        "Country names in English and Thai: Unicode CLDR, Unicode License v3; ISO 3166-1 codes via pycountry.",
        "Thai provinces: kongvut/thai-province-data (MIT); centroids computed from OCHA ROAP / RTSD via HDX (CC BY-IGO).",
        "GNLC memberships and UNESCO Learning City Award winners: UIL and news sources named per record (partial list).",
        "UNESCO Key Features of Learning Cities: UIL; the feature texts are unverified drafts."
      ],
      "download": "/api/v1/datasets/learning-cities/download",
      "tables": [
        {
          "name": "awards",
          "file": "awards.csv",
          "description": "Winners of published award cycles.",
          "columns": [
            {
              "name": "programme",
              "type": "text",
              "description": "Award programme slug"
            },
            {
              "name": "year",
              "type": "integer",
              "description": "Year of the cycle"
            },
            {
              "name": "category",
              "type": "text",
              "description": "Award category slug"
            },
            {
              "name": "city",
              "type": "text",
              "description": "City slug"
            },
            {
              "name": "country",
              "type": "text",
              "description": "The city's ISO 3166-1 alpha-2 code"
            },
            {
              "name": "source_url",
              "type": "text",
              "description": "Where the award is documented"
            }
          ]
        },
        {
          "name": "evaluation_criteria",
          "file": "evaluation_criteria.csv",
          "description": "Criteria of the evaluation frameworks.",
          "columns": [
            {
              "name": "framework",
              "type": "text",
              "description": "Framework slug (family and version)"
            },
            {
              "name": "code",
              "type": "text",
              "description": "Criterion code, e.g. 1.2.3"
            },
            {
              "name": "level",
              "type": "text",
              "description": "area, focus or feature"
            },
            {
              "name": "title_en",
              "type": "text",
              "description": "Title"
            },
            {
              "name": "weight",
              "type": "number",
              "description": "Weight among its siblings"
            },
            {
              "name": "scale_min",
              "type": "integer",
              "description": "Lowest score"
            },
            {
              "name": "scale_max",
              "type": "integer",
              "description": "Highest score"
            },
            {
              "name": "verified",
              "type": "boolean",
              "description": "false: the wording is an unverified draft"
            }
          ]
        }
      ]
    }
  ]
};

export const networks: S["NetworkPage"] = {
  "items": [
    {
      "id": 2,
      "slug": "thailand-learning-cities",
      "name": {
        "en": "Thailand Network of Learning Cities",
        "th": "เครือข่ายเมืองแห่งการเรียนรู้ประเทศไทย"
      },
      "scope": "national",
      "status": "active",
      "country": "TH",
      "secretariat": {
        "en": "University of Phayao",
        "th": "มหาวิทยาลัยพะเยา"
      },
      "founded_year": null,
      "website": null,
      "description": {
        "en": "The national network of Thai learning cities, with the University of Phayao as secretariat. Its member list is not in the shipped sources yet and is kept by the secretariat.",
        "th": null
      },
      "member_count": 0,
      "reported": null,
      "organisations": [
        {
          "slug": "university-of-phayao",
          "name": { "en": "University of Phayao", "th": null },
          "abbreviation": null,
          "role": "secretariat",
          "from_year": null,
          "to_year": null,
          "href": "/api/v1/organisations/university-of-phayao"
        }
      ],
      ...provenance(),
      "created_at": "2026-12-01T20:24:40.914885Z",
      "updated_at": "2026-12-01T20:24:40.914885Z"
    },
    {
      "id": 1,
      "slug": "unesco-gnlc",
      "name": {
        "en": "UNESCO Global Network of Learning Cities",
        "th": "เครือข่ายเมืองแห่งการเรียนรู้ระดับโลกของยูเนสโก"
      },
      "scope": "global",
      "status": "active",
      "country": null,
      "secretariat": {
        "en": "UNESCO Institute for Lifelong Learning (UIL)",
        "th": "สถาบันยูเนสโกเพื่อการเรียนรู้ตลอดชีวิต"
      },
      "founded_year": null,
      "website": "https://www.uil.unesco.org/en/learning-cities",
      "description": {
        "en": "The global network of learning cities coordinated by the UNESCO Institute for Lifelong Learning. The member list here is partial: Thai members are complete to December 2025, other cohorts are not; each membership names its source.",
        "th": null
      },
      "member_count": 128,
      "reported": null,
      "organisations": [
        {
          "slug": "unesco",
          "name": { "en": "United Nations Educational, Scientific and Cultural Organization", "th": "ยูเนสโก" },
          "abbreviation": { "en": "UNESCO", "th": null },
          "role": "lead",
          "from_year": null,
          "to_year": null,
          "href": "/api/v1/organisations/unesco"
        }
      ],
      ...provenance(),
      "created_at": "2026-12-01T20:24:40.914885Z",
      "updated_at": "2026-12-01T20:24:40.914885Z"
    }
  ],
  "next_cursor": null,
  "total": 2
};

export const frameworks: S["FrameworkPage"] = {
  "items": [
    {
      "id": 1,
      "slug": "kflc-v1",
      "family": "kflc",
      "version": 1,
      "name": {
        "en": "UNESCO Key Features of Learning Cities (KFLC)",
        "th": null
      },
      "description": {
        "en": "Adopted at the 1st International Conference on Learning Cities, Beijing, 21-23 Oct 2013. The 3 areas and 12 focus areas are verified; the feature texts are an unverified reconstruction (draft) until replaced with the official wording.",
        "th": null
      },
      "source_url": "https://learningcities.uil.unesco.org/key-features/key-features-of-learning-cities",
      "verified": false,
      "frozen": false
    }
  ],
  "next_cursor": null,
  "total": 1
};

export const coverage: S["CoverageTable"] = {
  "items": [
    {
      "kind": "network_members",
      "key": "thailand-learning-cities",
      "label_en": "Members of Thailand Network of Learning Cities recorded here",
      "label_th": "สมาชิกของเครือข่ายเมืองแห่งการเรียนรู้ประเทศไทยที่บันทึกไว้ในแพลตฟอร์มนี้",
      "have": 0,
      "of": null,
      "percent": null,
      "as_of": null,
      "source_url": null
    },
    {
      "kind": "network_members",
      "key": "unesco-gnlc",
      "label_en": "Members of UNESCO Global Network of Learning Cities recorded here",
      "label_th": "สมาชิกของเครือข่ายเมืองแห่งการเรียนรู้ระดับโลกของยูเนสโกที่บันทึกไว้ในแพลตฟอร์มนี้",
      "have": 128,
      "of": 425,
      "percent": 30.1,
      "as_of": "2025-12-04",
      "source_url": "https://www.uil.unesco.org/en/articles/gnlc-new-members-2025"
    },
    {
      "kind": "field",
      "key": "cities.name_th",
      "label_en": "Cities with a Thai name",
      "label_th": "เมืองที่มีชื่อภาษาไทย",
      "have": 150,
      "of": 181,
      "percent": 82.9,
      "as_of": null,
      "source_url": null
    }
  ]
};
