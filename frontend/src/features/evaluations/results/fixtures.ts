/** API answers for the results tests, taken from the service with the demo data loaded (trimmed). */
import type { components } from '@/api/schema';
import { provenance } from '@/test/provenance';

type S = components['schemas'];

export const publishedCycles: S["Cycle"][] = [
  {
    "id": 7,
    "programme": "demo-learning-city-award",
    "year": 2026,
    "title": {
      "en": "DEMO cycle 2026 (synthetic data)",
      "th": "รอบสาธิต 2569 (ข้อมูลสมมติ)"
    },
    "status": "published",
    "nominations_open_on": null,
    "nominations_close_on": null,
    "ceremony_on": null,
    "ceremony": null,
    "summary": {
      "en": "Synthetic demonstration data; no real city was nominated or scored.",
      "th": null
    },
    "criteria": [],
    "framework": "demo-criteria-v1",
    "source_url": null,
    "published_at": "2026-12-01T20:24:41.134248Z",
    "announced_winners": null,
    "recorded_winners": 2,
    ...provenance(),
    "categories": [
      {
        "id": 10,
        "slug": "demo-2026-children-and-youth",
        "cycle_id": 7,
        "programme": "demo-learning-city-award",
        "year": 2026,
        "name": {
          "en": "DEMO: Children and Youth",
          "th": null
        },
        "description": null,
        "position": 0
      },
      {
        "id": 11,
        "slug": "demo-2026-equity",
        "cycle_id": 7,
        "programme": "demo-learning-city-award",
        "year": 2026,
        "name": {
          "en": "DEMO: Equity",
          "th": null
        },
        "description": null,
        "position": 1
      }
    ],
    "results": [
      {
        "category": "demo-2026-children-and-youth",
        "winners": [
          {
            "slug": "phayao",
            "name": {
              "en": "Phayao",
              "th": "พะเยา"
            },
            "country": "TH"
          }
        ]
      },
      {
        "category": "demo-2026-equity",
        "winners": [
          {
            "slug": "chiang-mai",
            "name": {
              "en": "Chiang Mai",
              "th": "เชียงใหม่"
            },
            "country": "TH"
          }
        ]
      }
    ],
    "created_at": "2026-12-01T20:24:41.134248Z",
    "updated_at": "2026-12-01T20:24:41.134248Z"
  },
  {
    "id": 6,
    "programme": "unesco-learning-city-award",
    "year": 2024,
    "title": {
      "en": "UNESCO Learning City Award 2024",
      "th": "รางวัลเมืองแห่งการเรียนรู้ของยูเนสโก 2024"
    },
    "status": "published",
    "nominations_open_on": null,
    "nominations_close_on": null,
    "ceremony_on": null,
    "ceremony": {
      "en": "ICLC6, Jubail, 3-5 Dec 2024",
      "th": null
    },
    "summary": null,
    "criteria": [
      "Advancement of learning city plan"
    ],
    "framework": "unesco-lca-2024-v1",
    "source_url": "https://miragenews.com/10-cities-win-unesco-award-for-lifelong-1370077",
    "published_at": "2026-12-01T20:24:40.980265Z",
    "announced_winners": null,
    "recorded_winners": 2,
    ...provenance(),
    "categories": [
      {
        "id": 9,
        "slug": "unesco-learning-city-award-2024",
        "cycle_id": 6,
        "programme": "unesco-learning-city-award",
        "year": 2024,
        "name": {
          "en": "UNESCO Learning City Award 2024",
          "th": "รางวัลเมืองแห่งการเรียนรู้ของยูเนสโก 2024"
        },
        "description": null,
        "position": 0
      }
    ],
    "results": [
      {
        "category": "unesco-learning-city-award-2024",
        "winners": [
          {
            "slug": "benguerir",
            "name": {
              "en": "Benguerir",
              "th": null
            },
            "country": "MA"
          },
          {
            "slug": "bouake",
            "name": {
              "en": "Bouaké",
              "th": "บัวเก"
            },
            "country": "CI"
          }
        ]
      }
    ],
    "created_at": "2026-12-01T20:24:40.980265Z",
    "updated_at": "2026-12-01T20:24:40.980265Z"
  },
  {
    "id": 5,
    "programme": "unesco-learning-city-award",
    "year": 2021,
    "title": {
      "en": "UNESCO Learning City Award 2021",
      "th": "รางวัลเมืองแห่งการเรียนรู้ของยูเนสโก 2021"
    },
    "status": "published",
    "nominations_open_on": null,
    "nominations_close_on": null,
    "ceremony_on": null,
    "ceremony": {
      "en": "ICLC5, Yeonsu (online), 27 Oct 2021",
      "th": null
    },
    "summary": null,
    "criteria": [],
    "framework": null,
    "source_url": "https://bangkok.unesco.org/index.php/content/unesco-learning-city-awards-2021-go-10-cities-worldwide-their-outstanding-achievements",
    "published_at": "2026-12-01T20:24:40.980265Z",
    "announced_winners": null,
    "recorded_winners": 2,
    ...provenance(),
    "categories": [
      {
        "id": 8,
        "slug": "unesco-learning-city-award-2021",
        "cycle_id": 5,
        "programme": "unesco-learning-city-award",
        "year": 2021,
        "name": {
          "en": "UNESCO Learning City Award 2021",
          "th": "รางวัลเมืองแห่งการเรียนรู้ของยูเนสโก 2021"
        },
        "description": null,
        "position": 0
      }
    ],
    "results": [
      {
        "category": "unesco-learning-city-award-2021",
        "winners": [
          {
            "slug": "al-wakra",
            "name": {
              "en": "Al Wakra",
              "th": null
            },
            "country": "QA"
          },
          {
            "slug": "belfast",
            "name": {
              "en": "Belfast",
              "th": "เบลฟัสต์"
            },
            "country": "GB"
          }
        ]
      }
    ],
    "created_at": "2026-12-01T20:24:40.980265Z",
    "updated_at": "2026-12-01T20:24:40.980265Z"
  }
];

export const equity: S["Ranking"] = {
  "cycle_id": 7,
  "category": "demo-2026-equity",
  "framework": "demo-criteria-v1",
  "normalized": false,
  "tie_break": "higher mean (or mean z-score when normalized), then more evaluations, then smaller spread, then city name, then nomination id",
  "entries": [
    {
      "rank": 1,
      "nomination_id": 62,
      "city": "sukhothai",
      "city_name": {
        "en": "Sukhothai",
        "th": "สุโขทัย"
      },
      "evaluations": 3,
      "mean": 45.833333333333336,
      "sd": 14.73139127471974,
      "min": 25.0,
      "max": 56.25,
      "agreement": "medium",
      "z_mean": null,
      "areas": [
        {
          "area": "1",
          "title": {
            "en": "Advancement of learning city plan",
            "th": null
          },
          "mean": 50.0
        },
        {
          "area": "2",
          "title": {
            "en": "Advances in stakeholder coordination and partnerships",
            "th": null
          },
          "mean": 33.333333333333336
        },
        {
          "area": "3",
          "title": {
            "en": "Progress in mobilizing and utilizing resources",
            "th": null
          },
          "mean": 66.66666666666667
        },
        {
          "area": "4",
          "title": {
            "en": "Progress in monitoring and evaluation of learning city development",
            "th": null
          },
          "mean": 33.333333333333336
        }
      ]
    },
    {
      "rank": 2,
      "nomination_id": 64,
      "city": "yala",
      "city_name": {
        "en": "Yala",
        "th": "ยะลา"
      },
      "evaluations": 3,
      "mean": 39.583333333333336,
      "sd": 7.795119555779045,
      "min": 31.25,
      "max": 50.0,
      "agreement": "medium",
      "z_mean": null,
      "areas": [
        {
          "area": "1",
          "title": {
            "en": "Advancement of learning city plan",
            "th": null
          },
          "mean": 41.666666666666664
        },
        {
          "area": "2",
          "title": {
            "en": "Advances in stakeholder coordination and partnerships",
            "th": null
          },
          "mean": 58.333333333333336
        },
        {
          "area": "3",
          "title": {
            "en": "Progress in mobilizing and utilizing resources",
            "th": null
          },
          "mean": 33.333333333333336
        },
        {
          "area": "4",
          "title": {
            "en": "Progress in monitoring and evaluation of learning city development",
            "th": null
          },
          "mean": 25.0
        }
      ]
    },
    {
      "rank": 3,
      "nomination_id": 60,
      "city": "chiang-mai",
      "city_name": {
        "en": "Chiang Mai",
        "th": "เชียงใหม่"
      },
      "evaluations": 3,
      "mean": 39.583333333333336,
      "sd": 29.46278254943948,
      "min": 18.75,
      "max": 81.25,
      "agreement": "low",
      "z_mean": null,
      "areas": [
        {
          "area": "1",
          "title": {
            "en": "Advancement of learning city plan",
            "th": null
          },
          "mean": 33.333333333333336
        },
        {
          "area": "2",
          "title": {
            "en": "Advances in stakeholder coordination and partnerships",
            "th": null
          },
          "mean": 33.333333333333336
        },
        {
          "area": "3",
          "title": {
            "en": "Progress in mobilizing and utilizing resources",
            "th": null
          },
          "mean": 41.666666666666664
        },
        {
          "area": "4",
          "title": {
            "en": "Progress in monitoring and evaluation of learning city development",
            "th": null
          },
          "mean": 50.0
        }
      ]
    }
  ]
};

export const equityNormalized: S["Ranking"] = {
  "cycle_id": 7,
  "category": "demo-2026-equity",
  "framework": "demo-criteria-v1",
  "normalized": true,
  "tie_break": "higher mean (or mean z-score when normalized), then more evaluations, then smaller spread, then city name, then nomination id",
  "entries": [
    {
      "rank": 1,
      "nomination_id": 62,
      "city": "sukhothai",
      "city_name": {
        "en": "Sukhothai",
        "th": "สุโขทัย"
      },
      "evaluations": 3,
      "mean": 45.833333333333336,
      "sd": 14.73139127471974,
      "min": 25.0,
      "max": 56.25,
      "agreement": "medium",
      "z_mean": 0.056409469100950314,
      "areas": [
        {
          "area": "1",
          "title": {
            "en": "Advancement of learning city plan",
            "th": null
          },
          "mean": 50.0
        },
        {
          "area": "2",
          "title": {
            "en": "Advances in stakeholder coordination and partnerships",
            "th": null
          },
          "mean": 33.333333333333336
        },
        {
          "area": "3",
          "title": {
            "en": "Progress in mobilizing and utilizing resources",
            "th": null
          },
          "mean": 66.66666666666667
        },
        {
          "area": "4",
          "title": {
            "en": "Progress in monitoring and evaluation of learning city development",
            "th": null
          },
          "mean": 33.333333333333336
        }
      ]
    },
    {
      "rank": 2,
      "nomination_id": 64,
      "city": "yala",
      "city_name": {
        "en": "Yala",
        "th": "ยะลา"
      },
      "evaluations": 3,
      "mean": 39.583333333333336,
      "sd": 7.795119555779045,
      "min": 31.25,
      "max": 50.0,
      "agreement": "medium",
      "z_mean": -0.4018600761225181,
      "areas": [
        {
          "area": "1",
          "title": {
            "en": "Advancement of learning city plan",
            "th": null
          },
          "mean": 41.666666666666664
        },
        {
          "area": "2",
          "title": {
            "en": "Advances in stakeholder coordination and partnerships",
            "th": null
          },
          "mean": 58.333333333333336
        },
        {
          "area": "3",
          "title": {
            "en": "Progress in mobilizing and utilizing resources",
            "th": null
          },
          "mean": 33.333333333333336
        },
        {
          "area": "4",
          "title": {
            "en": "Progress in monitoring and evaluation of learning city development",
            "th": null
          },
          "mean": 25.0
        }
      ]
    },
    {
      "rank": 3,
      "nomination_id": 60,
      "city": "chiang-mai",
      "city_name": {
        "en": "Chiang Mai",
        "th": "เชียงใหม่"
      },
      "evaluations": 3,
      "mean": 39.583333333333336,
      "sd": 29.46278254943948,
      "min": 18.75,
      "max": 81.25,
      "agreement": "low",
      "z_mean": -0.5911694735205909,
      "areas": [
        {
          "area": "1",
          "title": {
            "en": "Advancement of learning city plan",
            "th": null
          },
          "mean": 33.333333333333336
        },
        {
          "area": "2",
          "title": {
            "en": "Advances in stakeholder coordination and partnerships",
            "th": null
          },
          "mean": 33.333333333333336
        },
        {
          "area": "3",
          "title": {
            "en": "Progress in mobilizing and utilizing resources",
            "th": null
          },
          "mean": 41.666666666666664
        },
        {
          "area": "4",
          "title": {
            "en": "Progress in monitoring and evaluation of learning city development",
            "th": null
          },
          "mean": 50.0
        }
      ]
    }
  ]
};

export const youth: S["Ranking"] = {
  "cycle_id": 7,
  "category": "demo-2026-children-and-youth",
  "framework": "demo-criteria-v1",
  "normalized": false,
  "tie_break": "higher mean (or mean z-score when normalized), then more evaluations, then smaller spread, then city name, then nomination id",
  "entries": [
    {
      "rank": 1,
      "nomination_id": 61,
      "city": "chiang-rai",
      "city_name": {
        "en": "Chiang Rai",
        "th": "เชียงราย"
      },
      "evaluations": 3,
      "mean": 72.91666666666667,
      "sd": 25.173012444988693,
      "min": 37.5,
      "max": 93.75,
      "agreement": "low",
      "z_mean": null,
      "areas": [
        {
          "area": "1",
          "title": {
            "en": "Advancement of learning city plan",
            "th": null
          },
          "mean": 75.0
        },
        {
          "area": "2",
          "title": {
            "en": "Advances in stakeholder coordination and partnerships",
            "th": null
          },
          "mean": 83.33333333333333
        },
        {
          "area": "3",
          "title": {
            "en": "Progress in mobilizing and utilizing resources",
            "th": null
          },
          "mean": 66.66666666666667
        },
        {
          "area": "4",
          "title": {
            "en": "Progress in monitoring and evaluation of learning city development",
            "th": null
          },
          "mean": 66.66666666666667
        }
      ]
    },
    {
      "rank": 2,
      "nomination_id": 63,
      "city": "khon-kaen",
      "city_name": {
        "en": "Khon Kaen",
        "th": "ขอนแก่น"
      },
      "evaluations": 3,
      "mean": 54.166666666666664,
      "sd": 26.187093937451113,
      "min": 18.75,
      "max": 81.25,
      "agreement": "low",
      "z_mean": null,
      "areas": [
        {
          "area": "1",
          "title": {
            "en": "Advancement of learning city plan",
            "th": null
          },
          "mean": 41.666666666666664
        },
        {
          "area": "2",
          "title": {
            "en": "Advances in stakeholder coordination and partnerships",
            "th": null
          },
          "mean": 41.666666666666664
        },
        {
          "area": "3",
          "title": {
            "en": "Progress in mobilizing and utilizing resources",
            "th": null
          },
          "mean": 75.0
        },
        {
          "area": "4",
          "title": {
            "en": "Progress in monitoring and evaluation of learning city development",
            "th": null
          },
          "mean": 58.333333333333336
        }
      ]
    },
    {
      "rank": 3,
      "nomination_id": 59,
      "city": "phayao",
      "city_name": {
        "en": "Phayao",
        "th": "พะเยา"
      },
      "evaluations": 3,
      "mean": 47.916666666666664,
      "sd": 11.785113019775793,
      "min": 31.25,
      "max": 56.25,
      "agreement": "medium",
      "z_mean": null,
      "areas": [
        {
          "area": "1",
          "title": {
            "en": "Advancement of learning city plan",
            "th": null
          },
          "mean": 58.333333333333336
        },
        {
          "area": "2",
          "title": {
            "en": "Advances in stakeholder coordination and partnerships",
            "th": null
          },
          "mean": 16.666666666666668
        },
        {
          "area": "3",
          "title": {
            "en": "Progress in mobilizing and utilizing resources",
            "th": null
          },
          "mean": 50.0
        },
        {
          "area": "4",
          "title": {
            "en": "Progress in monitoring and evaluation of learning city development",
            "th": null
          },
          "mean": 66.66666666666667
        }
      ]
    }
  ]
};

export const demoAreas: S["AreaAverages"] = {
  "items": [
    {
      "area": "1",
      "cities": 6,
      "evaluations": 18,
      "framework": "demo-criteria-v1",
      "mean": 50.0,
      "title": {
        "en": "Advancement of learning city plan",
        "th": null
      }
    },
    {
      "area": "2",
      "cities": 6,
      "evaluations": 18,
      "framework": "demo-criteria-v1",
      "mean": 44.44444444444444,
      "title": {
        "en": "Advances in stakeholder coordination and partnerships",
        "th": null
      }
    },
    {
      "area": "3",
      "cities": 6,
      "evaluations": 18,
      "framework": "demo-criteria-v1",
      "mean": 55.55555555555556,
      "title": {
        "en": "Progress in mobilizing and utilizing resources",
        "th": null
      }
    },
    {
      "area": "4",
      "cities": 6,
      "evaluations": 18,
      "framework": "demo-criteria-v1",
      "mean": 50.0,
      "title": {
        "en": "Progress in monitoring and evaluation of learning city development",
        "th": null
      }
    }
  ]
};

export const frameworks: S["FrameworkPage"] = {
  "items": [
    {
      "id": 3,
      "slug": "demo-criteria-v1",
      "family": "demo-criteria",
      "version": 1,
      "name": {
        "en": "DEMO criteria (synthetic data)",
        "th": null
      },
      "description": {
        "en": "A copy of the 2024 UNESCO Learning City Award criteria for the synthetic demo cycle.",
        "th": null
      },
      "source_url": null,
      "verified": true,
      "frozen": true
    },
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
    },
    {
      "id": 2,
      "slug": "unesco-lca-2024-v1",
      "family": "unesco-lca-2024",
      "version": 1,
      "name": {
        "en": "UNESCO Learning City Award 2024 criteria",
        "th": null
      },
      "description": {
        "en": "The eight criteria of the 2024 call for the UNESCO Learning City Award.",
        "th": null
      },
      "source_url": "https://opportunitydesk.org/2024/05/22/unesco-learning-city-award-2024/",
      "verified": true,
      "frozen": false
    }
  ],
  "next_cursor": null,
  "total": 3
};

export const networks: S["NetworkPage"] = {
  "items": [
    {
      "id": 3,
      "slug": "asean-learning-cities",
      "name": {
        "en": "ASEAN Regional Learning City Network",
        "th": "เครือข่ายเมืองแห่งการเรียนรู้ระดับภูมิภาคอาเซียน"
      },
      "scope": "regional",
      "status": "planned",
      "country": null,
      "secretariat": null,
      "founded_year": null,
      "website": null,
      "description": {
        "en": "A planned regional network of learning cities in ASEAN member states.",
        "th": null
      },
      "member_count": 0,
      "reported": null,
      "organisations": [],
      ...provenance(),
      "created_at": "2026-12-01T20:24:40.914885Z",
      "updated_at": "2026-12-01T20:24:40.914885Z"
    },
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
  "total": 3
};

export const citiesByCountry: S["CountTable"] = {
  "items": [
    {
      "count": 3,
      "key": "IE",
      "label_en": "Ireland",
      "label_th": "ไอร์แลนด์"
    },
    {
      "count": 13,
      "key": "TH",
      "label_en": "Thailand",
      "label_th": "ไทย"
    }
  ]
};
